"""Arabic dates: both Gregorian month-name systems, Maghrebi names, Hijri, weekdays, relative."""
