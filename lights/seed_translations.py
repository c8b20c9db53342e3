"""Spanish for the seeded lightings, loaded by ``python manage.py seed`` (lights.seeding)."""

LIGHTING_TRANSLATIONS = {
    "Empire State Building": {
        "es": {
            "landmark": "Empire State Building",
            "note": "La torre se ilumina de rojo por el planeta rojo.",
        },
    },
    "Los Angeles International Airport gateway pylons": {
        "es": {
            "landmark": "Pilones de entrada del Aeropuerto Internacional de Los Ángeles",
            "note": "El JPL, desde donde se opera el rover, está cerca, en Pasadena.",
        },
    },
    "Adler Planetarium and other downtown buildings": {
        "es": {
            "landmark": "Planetario Adler y otros edificios del centro",
            "note": "Los vecinos del centro de Chicago deberían ver iluminarse el Planetario Adler.",
        },
    },
}
