package com.venuedesk.model.domain;

/** Where a resource is. All parts optional; latitude/longitude in degrees when present. */
public record Location(String address, String city, String country, Double latitude, Double longitude) {
    public Location {
        if (latitude != null && !(latitude >= -90 && latitude <= 90)) { // NaN too
            throw new DomainException("location.latitude", "latitude must be between -90 and 90");
        }
        if (longitude != null && !(longitude >= -180 && longitude <= 180)) {
            throw new DomainException("location.longitude", "longitude must be between -180 and 180");
        }
    }

    public static Location none() {
        return new Location(null, null, null, null, null);
    }
}
