package org.nocturne.device.core.profile;

import java.util.List;

/**
 * What a {@link ProfileStore}'s directory holds: the profiles that could be read, by name, and one problem per file
 * that could not, each naming its file.
 */
public record ProfileListing(List<EquipmentProfile> profiles, List<ProfileException> problems) {

    public ProfileListing {
        profiles = List.copyOf(profiles);
        problems = List.copyOf(problems);
    }

    /** The names of the readable profiles, sorted. */
    public List<String> names() {
        return profiles.stream().map(EquipmentProfile::name).toList();
    }
}
