"""Spanish and Arabic for the seeded missions, milestones and live updates: plain data,
loaded by ``python manage.py seed`` (missions.seeding)."""

# Spanish and Arabic for the seeded missions (django-modeltranslation's <field>_es and
# <field>_ar). The facts are the English pages' own; the Spanish follows the wording of
# NASA en español (ciencia.nasa.gov/ "Perseverance", "Juntos Perseveramos", 2021); the
# Arabic for Hope the Emirates Mars Mission's Arabic pages (emm.ae, "مسبار الأمل"), and for
# the landing night (Perseverance, Ingenuity) the names Arabic news gave them in 2021
# ("بيرسيفيرانس", "إنجينيويتي", "فوهة جيزيرو").
MISSION_TRANSLATIONS = {
    "perseverance": {
        "es": {
            "name": "Perseverance",
            "status_note": "Sigue recorriendo el cráter Jezero y sus alrededores y tomando muestras (actualizaciones de la misión de NASA/JPL).",
            "landing_site_name": "Cráter Jezero (Aterrizaje Octavia E. Butler)",
            "summary": "El rover más ambicioso de la NASA: busca señales de vida antigua en el cráter Jezero y guarda muestras de roca para traerlas a la Tierra.",
            "body": (
                "Perseverance aterrizó en el cráter Jezero, el lecho de un antiguo lago, el 18 de febrero de 2021, "
                "tras los «siete minutos de terror» de la entrada, el descenso y el aterrizaje.\n\n"
                "A diferencia de todas las misiones a Marte anteriores, Perseverance prepara regalos para la Tierra: "
                "perfora núcleos de roca que muestran señales prometedoras de habitabilidad pasada y los sella en "
                "tubos, algunos dejados en la superficie en un depósito para que los recoja la campaña de retorno de "
                "muestras de Marte de la NASA y la ESA.\n\n"
                "Sus cámaras de alta definición, láseres, micrófonos e instrumentos científicos examinan el cráter, "
                "y llevó a Marte el helicóptero Ingenuity bajo su panza."
            ),
        },
        "ar": {
            "name": "بيرسيفيرانس",
            "status_note": "لا تزال تتجول في فوهة جيزيرو وحولها وتجمع العينات (تحديثات مهمة ناسا/مختبر الدفع النفاث).",
            "landing_site_name": "فوهة جيزيرو (موقع هبوط أوكتافيا إي. بتلر)",
            "summary": "أكثر مركبات ناسا الجوالة طموحًا حتى الآن: تبحث في فوهة جيزيرو عن آثار حياة قديمة وتحفظ عينات صخرية لإعادتها إلى الأرض.",
            "body": (
                "هبطت بيرسيفيرانس في فوهة جيزيرو، قاع بحيرة قديمة، في 18 فبراير 2021، "
                "بعد «الدقائق السبع المرعبة» من الدخول والهبوط والاستقرار على السطح.\n\n"
                "على خلاف كل مهمة سبقتها إلى المريخ، تُعدّ بيرسيفيرانس هدايا للأرض: تحفر عينات صخرية "
                "تحمل دلائل واعدة على أن المكان كان صالحًا للحياة، وتغلقها في أنابيب، ترك بعضها على السطح "
                "في مستودع لتجمعه حملة إعادة العينات من المريخ المشتركة بين ناسا ووكالة الفضاء الأوروبية.\n\n"
                "تفحص الفوهة بكاميراتها عالية الدقة وأشعة الليزر والميكروفونات وأجهزتها العلمية، "
                "وقد حملت المروحية إنجينيويتي إلى المريخ تحت بطنها."
            ),
        },
    },
    "ingenuity": {
        "es": {
            "name": "Ingenuity",
            "status_note": "Voló 72 veces; se retiró por daños en el rotor en su vuelo 72, el 18 de enero de 2024 (NASA, 25 de enero de 2024).",
            "landing_site_name": "Cráter Jezero, bajo Perseverance",
            "summary": "Un pequeño helicóptero de prueba que demostró que el vuelo propulsado y controlado es posible en la tenue atmósfera de Marte.",
            "body": (
                "Ingenuity viajó a Marte bajo la panza de Perseverance, un regalo extra de la misión. Se construyó "
                "para demostrar si es posible volar en Marte con lo que sabemos de su tenue atmósfera, y para abrir "
                "el camino a futuros drones que exploren por delante de rovers y astronautas.\n\n"
                "Previsto para cinco vuelos, hizo 72."
            ),
        },
        "ar": {
            "name": "إنجينيويتي",
            "status_note": "طارت 72 مرة؛ وانتهت مهمتها بسبب تلف في شفرة الدوار في رحلتها الثانية والسبعين في 18 يناير 2024 (ناسا، 25 يناير 2024).",
            "landing_site_name": "فوهة جيزيرو، تحت بيرسيفيرانس",
            "summary": "مروحية اختبار صغيرة أثبتت أن الطيران المزوّد بمحرك والمتحكَّم فيه ممكن في غلاف المريخ الجوي الرقيق.",
            "body": (
                "سافرت إنجينيويتي إلى المريخ تحت بطن بيرسيفيرانس، هدية إضافية من المهمة. صُنعت لتُثبت "
                "إن كان الطيران على المريخ ممكنًا بما نعرفه عن غلافه الجوي الرقيق، ولتمهّد الطريق لطائرات "
                "مسيّرة تستكشف أمام المركبات الجوالة ورواد الفضاء.\n\n"
                "كان مقررًا لها خمس رحلات، فطارت 72."
            ),
        },
    },
    "curiosity": {
        "es": {
            "name": "Curiosity",
            "status_note": "Sigue subiendo el monte Sharp en el cráter Gale (actualizaciones de la misión de NASA/JPL).",
            "landing_site_name": "Cráter Gale (Aterrizaje Bradbury)",
            "summary": "El gran rover Mars Science Laboratory de la NASA, que explora el monte Sharp desde 2012 y sigue encontrando compuestos orgánicos y moléculas.",
            "body": (
                "Curiosity aterrizó en el cráter Gale en 2012 con la primera grúa celeste, la técnica que repitió "
                "Perseverance. Sigue en marcha y encuentra más pruebas de compuestos orgánicos y moléculas mientras "
                "sube el monte Sharp (Aeolis Mons)."
            ),
        },
    },
    "spirit": {
        "es": {
            "name": "Spirit",
            "status_note": "Se supo de él por última vez el 22 de marzo de 2010; la NASA dio por terminada la misión el 25 de mayo de 2011.",
            "landing_site_name": "Cráter Gusev (Estación Memorial Columbia)",
            "summary": "El primero de los rovers gemelos Mars Exploration Rover: construido para 90 soles, funcionó más de seis años.",
            "body": (
                "Spirit aterrizó rebotando sobre bolsas de aire en el cráter Gusev en enero de 2004. Como su gemelo "
                "Opportunity, superó por años su garantía de 90 días."
            ),
        },
    },
    "opportunity": {
        "es": {
            "name": "Opportunity",
            "status_note": "Se supo de él por última vez el 10 de junio de 2018, durante una tormenta de polvo global; la NASA dio por terminada la misión el 13 de febrero de 2019.",
            "landing_site_name": "Meridiani Planum (Estación Memorial Challenger)",
            "summary": "El segundo Mars Exploration Rover: previsto para 90 soles, recorrió un maratón en más de 14 años.",
            "body": (
                "Opportunity aterrizó en Meridiani Planum tres semanas después de Spirit y encontró pruebas de que "
                "el agua líquida empapó alguna vez aquel suelo. Siguió funcionando más de 14 años, mucho más allá de "
                "su garantía de 90 días."
            ),
        },
    },
    "insight": {
        "es": {
            "name": "InSight",
            "status_note": "La misión terminó el 21 de diciembre de 2022, cuando el polvo cubrió sus paneles solares (NASA).",
            "landing_site_name": "Elysium Planitia",
            "summary": "Un módulo de aterrizaje fijo que escuchaba los martemotos para cartografiar el interior profundo del planeta.",
            "body": (
                "InSight aterrizó en la llanura de Elysium Planitia en noviembre de 2018, el último aterrizaje con "
                "éxito en Marte antes de Perseverance. Su sismómetro registró más de 1300 martemotos antes de que el "
                "polvo en sus paneles solares pusiera fin a la misión en 2022."
            ),
        },
    },
    "hope": {
        "es": {
            "name": "Hope (Misión de los Emiratos a Marte)",
            "status_note": "Estudia la atmósfera y el clima de Marte desde la órbita (Misión de los Emiratos a Marte).",
            "summary": "La primera misión interplanetaria del mundo árabe: un orbitador que cartografía el clima y la atmósfera de Marte durante todo un año marciano.",
            "body": (
                "El orbitador emiratí Hope llegó a Marte el 9 de febrero de 2021, nueve días antes del aterrizaje de "
                "Perseverance, y convirtió a los Emiratos Árabes Unidos en el quinto en alcanzar Marte."
            ),
        },
        "ar": {
            "name": "مسبار الأمل (مشروع الإمارات لاستكشاف المريخ)",
            "status_note": "يدرس الغلاف الجوي للمريخ وطقسه من المدار (مشروع الإمارات لاستكشاف المريخ).",
            "summary": "أول مهمة عربية بين الكواكب: مسبار مداري يرسم خريطة طقس المريخ وغلافه الجوي على مدى سنة مريخية كاملة.",
            "body": (
                "وصل مسبار الأمل الإماراتي إلى المريخ في 9 فبراير 2021، قبل هبوط بيرسيفيرانس بتسعة أيام، "
                "فأصبحت دولة الإمارات العربية المتحدة خامس دولة تصل إلى المريخ."
            ),
        },
    },
    "tianwen-1": {
        "es": {
            "name": "Tianwen-1 y Zhurong",
            "status_note": "El orbitador sigue en funcionamiento; el rover Zhurong hiberna desde mayo de 2022 y no ha despertado (CNSA, 2023).",
            "landing_site_name": "Utopia Planitia",
            "summary": "La primera misión china a Marte: un orbitador, un módulo de aterrizaje y el rover Zhurong, todo en un solo lanzamiento.",
            "body": (
                "Tianwen-1 entró en órbita de Marte el 10 de febrero de 2021, un día después de Hope y ocho días "
                "antes de Perseverance. Su módulo de aterrizaje se posó en Utopia Planitia en mayo de 2021 y el rover "
                "Zhurong bajó a la superficie una semana después."
            ),
        },
    },
    "mars-sample-return": {
        "es": {
            "name": "Retorno de muestras de Marte",
            "status_note": "En revisión: la propuesta de presupuesto de la NASA para 2026 planteó poner fin a la campaña; su futuro está por decidir.",
            "summary": "Una campaña de la NASA y la ESA para traer a la Tierra las muestras de roca que guarda Perseverance.",
            "body": (
                "Cuando estén listas, la NASA y la Agencia Espacial Europea prevén traer a la Tierra los núcleos de "
                "roca sellados por Perseverance, donde laboratorios mucho mayores que cualquier rover podrán "
                "estudiarlos. El artículo lo esperaba en una década aproximadamente."
            ),
        },
    },
}

# Milestones by (mission slug, kind).
MILESTONE_TRANSLATIONS = {
    ("perseverance", "launch"): {
        "es": {"title": "Lanzamiento en un Atlas V desde Cabo Cañaveral"},
        "ar": {"title": "الإطلاق على صاروخ أطلس 5 من كيب كانافيرال"},
    },
    ("perseverance", "cruise-stage-separation"): {
        "es": {
            "title": "Separación de la etapa de crucero",
            "description": "La etapa que llevó a Perseverance por el espacio durante seis meses y medio se separa de la cápsula de entrada.",
        },
        "ar": {
            "title": "انفصال مرحلة الرحلة",
            "description": "تنفصل المرحلة التي حملت بيرسيفيرانس عبر الفضاء ستة أشهر ونصفًا عن كبسولة الدخول.",
        },
    },
    ("perseverance", "entry-interface"): {
        "es": {
            "title": "Entrada en la atmósfera",
            "description": "La cápsula toca la parte alta de la atmósfera marciana a unos 19.500 km/h.",
        },
        "ar": {
            "title": "الدخول في الغلاف الجوي",
            "description": "تلامس الكبسولة أعلى الغلاف الجوي للمريخ بسرعة نحو 19,500 كم/س.",
        },
    },
    ("perseverance", "peak-heating"): {
        "es": {
            "title": "Máximo calentamiento",
            "description": "La fricción calienta el escudo térmico hasta unos 1300 °C.",
        },
        "ar": {
            "title": "ذروة التسخين",
            "description": "يسخّن الاحتكاك الدرع الحراري إلى نحو 1,300 درجة مئوية.",
        },
    },
    ("perseverance", "parachute-deploy"): {
        "es": {
            "title": "Despliegue del paracaídas",
            "description": "Se abre el paracaídas supersónico, activado por el nuevo Range Trigger.",
        },
        "ar": {
            "title": "فتح المظلة",
            "description": "تنفتح المظلة الأسرع من الصوت، بإشارة من أداة «رينج تريغر» الجديدة.",
        },
    },
    ("perseverance", "heat-shield-separation"): {
        "es": {
            "title": "Separación del escudo térmico",
            "description": "El escudo térmico se suelta y la navegación relativa al terreno empieza a buscar un lugar seguro.",
        },
        "ar": {
            "title": "انفصال الدرع الحراري",
            "description": "يسقط الدرع الحراري ويبدأ نظام الملاحة النسبية للتضاريس البحث عن بقعة آمنة.",
        },
    },
    ("perseverance", "backshell-separation"): {
        "es": {
            "title": "Separación de la cubierta trasera y descenso propulsado",
            "description": "El rover y su etapa de descenso se sueltan de la cubierta trasera y del paracaídas; se encienden ocho cohetes.",
        },
        "ar": {
            "title": "انفصال الغطاء الخلفي والهبوط بالمحركات",
            "description": "تنفصل المركبة ومرحلة الهبوط عن الغطاء الخلفي والمظلة؛ وتشتعل ثمانية صواريخ.",
        },
    },
    ("perseverance", "sky-crane"): {
        "es": {
            "title": "Grúa celeste",
            "description": "Unos cables de nailon bajan el rover bajo la etapa de descenso, que se mantiene en vuelo.",
        },
        "ar": {
            "title": "الرافعة السماوية",
            "description": "تُنزل حبال من النايلون المركبة تحت مرحلة الهبوط المحلّقة.",
        },
    },
    ("perseverance", "touchdown"): {
        "es": {
            "title": "Aterrizaje en el cráter Jezero",
            "description": "Ruedas en el suelo. La etapa de descenso se aleja para estrellarse a una distancia segura.",
        },
        "ar": {
            "title": "الهبوط في فوهة جيزيرو",
            "description": "العجلات على الأرض. تبتعد مرحلة الهبوط لتتحطم على مسافة آمنة.",
        },
    },
    ("ingenuity", "flight"): {
        "es": {
            "title": "Primer vuelo propulsado y controlado en otro planeta",
            "description": "Un vuelo estacionario de 39 segundos a unos 3 m sobre el «Campo de los hermanos Wright».",
        }
    },
    ("ingenuity", "mission-end"): {
        "es": {
            "title": "La misión termina tras 72 vuelos",
            "description": "Las imágenes del vuelo 72 mostraron daños en una pala del rotor; la NASA dio por terminada la misión.",
        }
    },
    ("curiosity", "launch"): {"es": {"title": "Lanzamiento en un Atlas V desde Cabo Cañaveral"}},
    ("curiosity", "touchdown"): {"es": {"title": "Aterrizaje en el cráter Gale"}},
    ("spirit", "launch"): {"es": {"title": "Lanzamiento en un Delta II desde Cabo Cañaveral"}},
    ("spirit", "mission-end"): {
        "es": {
            "title": "Fin de la misión",
            "description": "Tras un año sin señal, la NASA pone fin a los intentos de contactar con Spirit.",
        }
    },
    ("opportunity", "launch"): {
        "es": {"title": "Lanzamiento en un Delta II Heavy desde Cabo Cañaveral"}
    },
    ("opportunity", "mission-end"): {
        "es": {
            "title": "Fin de la misión",
            "description": "Tras más de 1000 órdenes sin respuesta, la NASA declara completada la misión.",
        }
    },
    ("insight", "launch"): {"es": {"title": "Lanzamiento en un Atlas V desde Vandenberg"}},
    ("insight", "mission-end"): {
        "es": {
            "title": "Fin de la misión",
            "description": "Tras dos contactos fallidos, la NASA declara terminada la misión.",
        }
    },
    ("hope", "launch"): {
        "es": {"title": "Lanzamiento en un H-IIA desde Tanegashima"},
        "ar": {"title": "الإطلاق على صاروخ H-IIA من تانيغاشيما"},
    },
    ("hope", "orbit-insertion"): {
        "es": {
            "title": "Confirmada la inserción en la órbita de Marte",
            "description": "La hora indicada es cuando el equipo de la misión en la Tierra lo confirmó.",
        },
        "ar": {
            "title": "تأكيد الدخول في مدار المريخ",
            "description": "الوقت المذكور هو وقت تأكيد فريق المهمة على الأرض.",
        },
    },
    ("tianwen-1", "launch"): {"es": {"title": "Lanzamiento en un Gran Marcha 5 desde Wenchang"}},
    ("tianwen-1", "orbit-insertion"): {"es": {"title": "Inserción en la órbita de Marte"}},
    ("tianwen-1", "touchdown"): {
        "es": {"title": "El módulo de aterrizaje se posa en Utopia Planitia"}
    },
    ("tianwen-1", "surface"): {"es": {"title": "Zhurong baja a la superficie"}},
}

# Live updates by (mission slug, English headline).
LIVE_UPDATE_TRANSLATIONS = {
    ("perseverance", "Watch the landing with us"): {
        "es": {
            "headline": "Mira el aterrizaje con nosotros",
            "body": "NASA TV transmite el aterrizaje en directo, y el NASA Social virtual y la experiencia virtual para invitados permiten a cualquiera vivir la noche desde casa.",
        },
        "ar": {
            "headline": "شاهد الهبوط معنا",
            "body": "تنقل قناة ناسا التلفزيونية الهبوط مباشرة، ويتيح لقاء ناسا الافتراضي وتجربة الضيوف الافتراضية لأي شخص أن يعيش الليلة من بيته.",
        },
    },
    ("perseverance", "Cities glow red for the Red Planet"): {
        "es": {
            "headline": "Las ciudades se tiñen de rojo por el planeta rojo",
            "body": "El Empire State Building, los pilones de entrada del aeropuerto de Los Ángeles y el Planetario Adler de Chicago se iluminan de rojo por el aterrizaje; la NASA invita a todas las ciudades a hacer lo mismo. Cuándo brilla cada uno está en la página de ciudades iluminadas.",
        },
        "ar": {
            "headline": "المدن تتوهج بالأحمر من أجل الكوكب الأحمر",
            "body": "يُضاء مبنى إمباير ستيت وأعمدة بوابة مطار لوس أنجلوس الدولي وقبة أدلر السماوية في شيكاغو باللون الأحمر احتفاءً بالهبوط، وتدعو ناسا كل مدينة إلى أن تفعل مثلها. مواعيد إضاءة كل منها في صفحة أضواء المدن.",
        },
    },
    ("perseverance", "Ingenuity rides along"): {
        "es": {
            "headline": "Ingenuity viaja con él",
            "body": "Bajo el rover va el helicóptero Ingenuity, una prueba de si se puede volar en la tenue atmósfera de Marte.",
        },
        "ar": {
            "headline": "إنجينيويتي في الرحلة",
            "body": "تحت المركبة الجوالة تختبئ المروحية إنجينيويتي، تجربة لمعرفة إن كان الطيران ممكنًا في غلاف المريخ الجوي الرقيق.",
        },
    },
    ("perseverance", "First images from Jezero Crater"): {
        "es": {
            "headline": "Primeras imágenes del cráter Jezero",
            "body": "Las cámaras para evitar peligros del rover envían sus primeras fotos en blanco y negro del lugar de aterrizaje, con polvo aún en las tapas de los objetivos.",
        },
        "ar": {
            "headline": "الصور الأولى من فوهة جيزيرو",
            "body": "ترسل كاميرات تجنّب المخاطر في المركبة أولى صورها بالأبيض والأسود لموقع الهبوط، وما زال الغبار على أغطية عدساتها.",
        },
    },
}
