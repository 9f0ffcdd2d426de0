/**
 * Night planning: what the sky offers one site on one night. {@link org.nocturne.core.night.NightSky} is built once per
 * night (sunset, sunrise, twilight, the Moon, a sampled context shared by all targets) and then answers, for each of
 * thousands of deep-sky objects, when it rises, culminates and sets, how long it stands high enough in astronomical
 * darkness, and how far the Moon is from it. {@link org.nocturne.core.night.Moon} gives the Moon's place, altitude and
 * phase at any instant. All astronomy is IAU SOFA through jsofa.
 */
package org.nocturne.core.night;
