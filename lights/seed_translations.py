"""Spanish for the seeded lightings (and Arabic for their places), loaded by ``python manage.py seed`` (lights.seeding)."""

LIGHTING_TRANSLATIONS = {
    "Empire State Building": {
        "es": {
            "landmark": "Empire State Building",
            "city": "Nueva York",
            "country": "Estados Unidos",
            "note": "La torre se ilumina de rojo por el planeta rojo.",
        },
        "ar": {"city": "نيويورك", "country": "الولايات المتحدة"},
    },
    "Los Angeles International Airport gateway pylons": {
        "es": {
            "landmark": "Pilones de entrada del Aeropuerto Internacional de Los Ángeles",
            "city": "Los Ángeles",
            "country": "Estados Unidos",
            "note": "El JPL, desde donde se opera el rover, está cerca, en Pasadena.",
        },
        "ar": {"city": "لوس أنجلوس", "country": "الولايات المتحدة"},
    },
    "Adler Planetarium and other downtown buildings": {
        "es": {
            "landmark": "Planetario Adler y otros edificios del centro",
            "city": "Chicago",
            "country": "Estados Unidos",
            "note": "Los vecinos del centro de Chicago deberían ver iluminarse el Planetario Adler.",
        },
        "ar": {"city": "شيكاغو", "country": "الولايات المتحدة"},
    },
}
