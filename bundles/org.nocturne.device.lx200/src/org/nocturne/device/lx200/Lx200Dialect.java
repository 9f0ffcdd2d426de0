package org.nocturne.device.lx200;

import java.util.Locale;

/**
 * Which LX200 the mount is, from its :GVP# product name; decides the extensions the driver may use.
 * <ul>
 * <li>{@link #CLASSIC}: Meade's command set only. High precision through :U#. No unpark command and no side of
 * pier, so the driver reports neither; :hP# parks. Tracking cannot be stopped.</li>
 * <li>{@link #TEN_MICRON}: 10Micron GM-series. Ultra precision through :U2#, unpark :PO#, status :Gstat#, side
 * of pier :pS#, tracking on/off :AP#/:AL#.</li>
 * </ul>
 */
enum Lx200Dialect {
    CLASSIC, TEN_MICRON;

    static Lx200Dialect of(String product) {
        return product.toLowerCase(Locale.ROOT).contains("10micron") ? TEN_MICRON : CLASSIC;
    }
}
