//! Welsh: words read through their mutations ("fy nharo", "ei daro", "ei tharo" are all
//! "taro", hitting) and the phrases that flag an answer.

use super::Concern::{self, *};
use super::analysis::raw_words;
use super::grammar::{Form, Token, Words};

/// Lower case with the accents people often leave off made optional: "ŵ" reads as "w".
pub(crate) fn normalise(word: &str) -> String {
    word.to_lowercase()
        .chars()
        .map(|c| match c {
            'â' | 'á' | 'à' | 'ä' => 'a',
            'ê' | 'é' | 'è' | 'ë' => 'e',
            'î' | 'í' | 'ì' | 'ï' => 'i',
            'ô' | 'ó' | 'ò' | 'ö' => 'o',
            'û' | 'ú' | 'ù' | 'ü' => 'u',
            'ŵ' | 'ẃ' | 'ẁ' | 'ẅ' => 'w',
            'ŷ' | 'ý' | 'ỳ' | 'ÿ' => 'y',
            '\u{2019}' | '\u{2018}' => '\'',
            c => c,
        })
        .collect()
}

/// Every word a mutated word may be the radical of ("nharo" -> "taro"; "fwlio" -> "bwlio").
pub(crate) fn radicals(word: &str) -> Vec<String> {
    let mut out = vec![word.to_string()];
    // Words that look mutated but are words of their own: "neud" (do) is not "deud" (say).
    if matches!(word, "neud" | "ni" | "nes" | "ma" | "mae" | "fi") {
        return out;
    }
    let mut add = |w: String| {
        if w.len() > 1 && !out.contains(&w) {
            out.push(w);
        }
    };
    // Longest prefixes first: nasal "ngh", "mh", "nh"; aspirate "ph", "th", "ch".
    const RULES: &[(&str, &[&str])] = &[
        ("ngh", &["c"]),
        ("mh", &["p"]),
        ("nh", &["t"]),
        ("ng", &["g"]),
        ("ph", &["p"]),
        ("th", &["t"]),
        ("ch", &["c"]),
        ("dd", &["d"]),
        ("ll", &[]),
        ("rh", &[]),
        ("b", &["p"]),
        ("d", &["t"]),
        ("g", &["c"]),
        ("f", &["b", "m"]),
        ("l", &["ll"]),
        ("r", &["rh"]),
        ("m", &["b"]),
        ("n", &["d"]),
    ];
    for (prefix, radicals) in RULES {
        if let Some(rest) = word.strip_prefix(prefix) {
            for r in *radicals {
                add(format!("{r}{rest}"));
            }
            break;
        }
    }
    // Soft mutation drops a g ("wneud" for "gwneud"); "h" comes before vowels ("ei hanafu").
    add(format!("g{word}"));
    if let Some(rest) = word.strip_prefix('h')
        && rest.starts_with(['a', 'e', 'i', 'o', 'u', 'w', 'y'])
    {
        add(rest.to_string());
    }
    out
}

/// The base forms of a word written in a phrase.
pub(crate) fn pattern_forms(word: &str) -> Vec<String> {
    vec![normalise(word)]
}

/// Words joined by an apostrophe, as separate words: "mae'n" is "mae yn".
fn split(word: &str) -> Vec<String> {
    let Some((left, right)) = word.split_once('\'') else {
        return vec![word.to_string()];
    };
    let right = match right {
        "n" => "yn",
        "r" => "y",
        "m" => "fy",
        "w" => "eu",
        "i" => "ei",
        "th" => "dy",
        "ch" => "eich",
        "na" => "yna",
        "ma" => "yma",
        "di" => "wedi",
        other => other,
    };
    let mut out = Vec::new();
    if !left.is_empty() {
        out.push(left.to_string());
    }
    if !right.is_empty() {
        out.extend(split(right));
    }
    out
}

/// The tokens of an answer as Welsh reads it.
pub(crate) fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for raw in raw_words(text) {
        for w in split(&normalise(&raw.text)) {
            let radicals = radicals(&w);
            out.push(Token {
                forms: radicals
                    .iter()
                    .map(|r| Form {
                        base: r.clone(),
                        object: false,
                    })
                    .collect(),
                light: radicals,
                word: w,
                clause: raw.clause,
                sentence: raw.sentence,
            });
        }
    }
    out
}

/// Welsh's small words, written in their radical form.
pub(crate) const WORDS: Words = Words {
    negators: &[
        "ddim", "dim", "byth", "erioed", "neb", "na", "nac", "nad", "nid", "heb", "dydy", "dydi",
        "dyw", "dydw", "dwyt", "dydyn", "dydych", "dydan", "does", "doedd", "doedden", "dodd",
        "sdim", "smo", "paid", "peidio", "peidiwch", "chwaith", "naddo", "nage", "sa", "dos",
        "nunlle", "dwi'm", "di'm",
    ],
    interjections: &["na", "naddo", "nage", "dim"],
    subjects: &[
        "i", "fi", "mi", "ni", "ti", "chi", "e", "o", "fe", "fo", "hi", "nhw", "rhywun", "pawb",
        "neb", "pobl", "hwn", "hon", "hyn", "hynny", "rhywbeth", "popeth", "beth", "hynna", "dw",
        "dwi",
    ],
    things: &[
        "hwn", "hon", "hyn", "hynny", "hynna", "rhywbeth", "popeth", "beth",
    ],
    objects: &[
        "fi", "i", "ni", "ti", "chi", "e", "o", "fe", "fo", "hi", "nhw", "arna", "arnaf", "arno",
        "arni", "arnon", "arnom", "arnyn", "arnat", "arnoch", "ata", "ato", "ati", "aton", "atom",
        "atyn", "wrtha", "wrtho", "wrthi", "wrthon", "wrthyn", "iddo", "iddi", "iddyn", "amdana",
        "amdano", "amdani", "ohona", "ohono", "ohoni", "ohonon", "rhywun", "pawb",
    ],
    object_markers: &["fy", "dy", "ei", "ein", "eich", "eu"],
    reflexives: &["hun", "hunan", "hunain"],
    possessives: &["fy", "dy", "ei", "ein", "eich", "eu"],
    determiners: &[
        "fy", "dy", "ei", "ein", "eich", "eu", "y", "yr", "r", "un", "rhai", "pob", "rhyw", "dau",
        "dwy", "tri", "tair",
    ],
    adjectives: &[
        "bach", "mawr", "hyn", "hŷn", "iau", "ieuengaf", "hynaf", "newydd", "hen", "arall",
        "eraill", "cyn", "blwyddyn", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "ysgol",
        "dosbarth",
    ],
    persons: &[
        "mam",
        "mami",
        "dad",
        "tad",
        "dadi",
        "rhiant",
        "rhieni",
        "llystad",
        "llysfam",
        "llysdad",
        "brawd",
        "brodyr",
        "chwaer",
        "chwiorydd",
        "mab",
        "meibion",
        "merch",
        "merched",
        "plentyn",
        "plant",
        "babi",
        "bachgen",
        "bechgyn",
        "hogyn",
        "hogiau",
        "hogan",
        "genod",
        "geneth",
        "crwt",
        "bois",
        "boi",
        "dyn",
        "dynion",
        "dynes",
        "menyw",
        "person",
        "pobl",
        "rhywun",
        "pawb",
        "athro",
        "athrawes",
        "athrawon",
        "cynorthwyydd",
        "staff",
        "gofalwr",
        "gofalwyr",
        "gofalydd",
        "ewythr",
        "wncwl",
        "anti",
        "modryb",
        "nain",
        "taid",
        "gu",
        "cu",
        "cefnder",
        "cyfnither",
        "cariad",
        "partner",
        "gwr",
        "gŵr",
        "gwraig",
        "ffrind",
        "ffrindiau",
        "cymydog",
        "cymdogion",
        "gwarchodwr",
        "hyfforddwr",
        "gyrrwr",
        "gweithiwr",
        "disgybl",
        "disgyblion",
        "myfyriwr",
        "oedolyn",
        "oedolion",
        "dieithryn",
        "dieithriaid",
        "bwli",
        "bwlis",
        "heddlu",
        "swyddog",
        "meddyg",
        "nyrs",
        "therapydd",
        "ffisiotherapydd",
        "ffisio",
        "plismon",
        "teulu",
        "grwp",
        "criw",
        "gang",
    ],
    therapists: &[
        "therapydd",
        "therapyddion",
        "ffisiotherapydd",
        "ffisio",
        "nyrs",
        "meddyg",
        "doctor",
        "arbenigwr",
    ],
    bodies: &[
        "pen",
        "wyneb",
        "braich",
        "breichiau",
        "coes",
        "coesau",
        "cefn",
        "gwddf",
        "bol",
        "stumog",
        "brest",
        "gwallt",
        "llaw",
        "dwylo",
        "arddwrn",
        "arddyrnau",
        "bys",
        "bysedd",
        "troed",
        "traed",
        "glin",
        "clun",
        "cluniau",
        "ysgwydd",
        "clust",
        "llygad",
        "llygaid",
        "trwyn",
        "ceg",
        "gwefus",
        "corff",
        "croen",
        "boch",
        "ffer",
        "fferau",
        "asen",
        "dannedd",
        "talcen",
        "cyhyrau",
    ],
    non_persons: &[
        "ymarferion",
        "ymarfer",
        "ymestyn",
        "stretsys",
        "therapi",
        "sesiwn",
        "sesiynau",
        "triniaeth",
        "sblint",
        "sblintiau",
        "castiau",
        "cast",
        "pigiadau",
        "pigiad",
        "botox",
        "rhestr",
        "aros",
        "amser",
        "system",
        "cyngor",
        "gwasanaeth",
        "gwasanaethau",
        "llywodraeth",
        "toriadau",
        "cyllideb",
        "arian",
        "ffurflen",
        "ffurflenni",
        "papurau",
        "gwaith",
        "gem",
        "gemau",
        "pel",
        "car",
        "bws",
        "tacsi",
        "drws",
        "cadair",
        "ffram",
        "bwrdd",
        "tegan",
        "offer",
        "peiriant",
        "swn",
        "golau",
        "tywydd",
        "oerfel",
        "poen",
        "llawdriniaeth",
        "apwyntiad",
        "oedi",
        "targed",
        "targedau",
        "sgidiau",
        "esgidiau",
        "cyflwr",
        "awtistiaeth",
        "diagnosis",
        "asesiad",
        "asesiadau",
        "hyn",
        "hynny",
        "hwn",
        "hon",
        "popeth",
        "rhywbeth",
        "ysbyty",
        "clinig",
        "ffisiotherapi",
        "putty",
        "gwersi",
        "gwers",
    ],
    skippable: &[
        "yn", "n", "wedi", "di", "mae", "ma", "maen", "oedd", "roedd", "ro", "odd", "bydd",
        "byddai", "byddan", "wnaeth", "nath", "wnes", "nes", "wnaethon", "naethon", "cael", "ges",
        "gafodd", "cafodd", "ces", "cawn", "arfer", "dal", "bob", "weithiau", "wastad", "hefyd",
        "jyst", "wir", "eto", "aml", "dechrau", "trio", "ceisio", "mynd", "am", "dw", "dwi", "wyt",
        "ydw", "ydy", "ydi", "yw", "oes", "sy", "sydd", "mi", "fe", "i", "newydd", "wastod",
        "trwy", "drwy", "amser", "r", "y", "yr", "gwneud", "neud",
    ],
    breakers: &[
        "ond", "achos", "oherwydd", "pan", "tra", "nes", "os", "pe", "petai", "petawn", "tasai",
        "tase", "taswn", "tasa", "bod", "mod", "bo", "taw", "mai", "lle", "pam", "sut", "beth",
        "pwy", "felly", "er", "heblaw", "wedyn",
    ],
    reporting: &[
        "gwybod", "credu", "coelio", "hoffi", "licio", "lico", "dweud", "deud", "gweud", "gweld",
        "gwrando", "deall", "cofio", "poeni", "gofyn", "sylwi", "clywed", "helpu", "malio",
        "becso", "siarad", "esbonio", "meindio", "teg", "iawn", "gadael",
    ],
    exceptions: &["heblaw", "wahan", "eithrio"],
    contrasts: &["ond"],
    pro_verbs: &[
        "gwneud", "neud", "hefyd", "weithiau", "mae", "oedd", "ydy", "yw", "ydi", "wnaeth", "nath",
        "yn",
    ],
    conditionals: &[
        "os", "pe", "petai", "petawn", "petaet", "tasai", "tase", "taswn", "tasa", "tasen", "bai",
        "petaswn",
    ],
    real_markers: &["eto", "dal", "hyd"],
    prepositions: &[
        "yn", "yng", "ym", "ar", "at", "i", "o", "gyda", "efo", "gan", "wrth", "dros", "drwy",
        "trwy", "rhwng", "mewn", "tu", "am", "ger", "a", "ag", "â",
    ],
    affirmatives: &[
        "mae", "ma", "maen", "roedd", "oedd", "odd", "ydy", "ydi", "yw", "ydw", "dw", "dwi",
        "wnaeth", "nath", "mi", "fe", "ie", "do", "oes", "ges", "gafodd",
    ],
    therapy: &[
        "ffisio",
        "ffisiotherapi",
        "therapi",
        "therapydd",
        "ymarferion",
        "ymarfer",
        "ymestyn",
        "stretsys",
        "stretsio",
        "stretcho",
        "sblint",
        "sblintiau",
        "cast",
        "castiau",
        "pigiad",
        "pigiadau",
        "botox",
        "sesiwn",
        "sesiynau",
        "triniaeth",
        "tylino",
        "hydrotherapi",
        "ffram",
        "olwyn",
        "llawdriniaeth",
        "apwyntiad",
        "clinig",
        "ysbyty",
        "nyrs",
        "meddyg",
        "lleferydd",
        "galwedigaethol",
        "bwydo",
        "llyncu",
        "cyhyrau",
        "cyhyr",
        "symud",
        "putty",
        "physio",
    ],
    sensitive: &[
        "brifo", "poen", "poenus", "gwthio", "tynnu", "dal", "gafael", "gwasgu", "troi", "plygu",
        "cyffwrdd", "gorfodi", "gwneud", "pinsio", "ymestyn", "stretsio", "stretcho", "clymu",
        "strapio", "cleisiau", "clais", "anafu", "dolur", "tost",
    ],
    pain: &["brifo", "poen", "poenus", "dolur", "tost", "gwynegu"],
    meta: &[
        "hyfforddiant",
        "hyfforddi",
        "ymwybyddiaeth",
        "arwyddion",
        "arwydd",
        "polisi",
        "polisiau",
        "gweithdrefn",
        "cwrs",
        "gweithdy",
        "taflen",
        "poster",
        "gwers",
        "gwersi",
        "ymgyrch",
        "gwybodaeth",
        "elusen",
        "atal",
        "gwrth",
        "dysgu",
        "dysgon",
        "modiwl",
    ],
    by: &["gan"],
    passive: &[],
    new_subject_ends_denial: false,
    verb_particles: &[
        "yn", "n", "wedi", "di", "cael", "am", "i", "heb", "ar", "wrth", "gan", "ddim", "dim",
        "byth", "erioed", "peidio", "mynd", "dechrau", "arfer", "isio", "eisiau", "moyn", "trio",
        "ceisio", "gallu", "methu", "angen", "rhaid", "e", "o", "hi", "nhw", "ni", "fe", "fo",
        "ti", "chi", "fi", "ges", "gafodd", "cafodd", "ces", "nath", "wnaeth",
    ],
    subject_after_verb: false,
    conjunctions: &["a", "ac", "neu", "wedyn"],
    reported: &[
        "dywedodd",
        "ddywedodd",
        "medda",
        "meddai",
        "bygwth",
        "bygythiodd",
        "fygwth",
        "rhybuddio",
        "addo",
        "gweiddi",
        "dweud",
        "deud",
        "gweud",
    ],
    similes: &["fel"],
    frames: &["yn y ffilm|llyfr|stori|rhaglen"],
    male: &[],
    female: &[],
    own: &[],
    idioms: &[
        "diflasu i marwolaeth",
        "diflasu marw",
        "bron marw o",
        "marw o diflastod|cywilydd|chwerthin|rhwystredigaeth|embaras",
        "tynnu gwallt allan",
        "llond bol",
        "curo [someone] mewn|ar gem|ras|pel|sgor|record|rhedeg",
        "dw|dwi|fi|ni|nes|wnes|wedi curo",
        "taro targed|targedau",
        "mynd i marw",
        "ofn y deintydd|meddyg|nodwydd|tywyllwch|cwn|ci",
    ],
};

/// The built-in Welsh phrases, in radical forms (any mutation matches).
pub(crate) const DEFAULTS: &[(&str, Concern)] = &[
    // Physical harm.
    ("taro [someone]", Harm),
    ("bwrw [someone]", Harm),
    ("curo [someone]", Harm),
    ("cicio [someone]", Harm),
    (
        "slapio|slapo|clatsio|clatshio|wado|waldio|pwnio|dyrnu|colbio|cledro|peltio [someone]",
        Harm,
    ),
    ("tagu [someone]", Harm),
    ("llosgi [someone]", Harm),
    ("brathu [someone]", Harm),
    ("gwthio [someone]", Harm),
    ("taflu [someone]", Harm),
    ("taflu ato|ati|ata|aton|atom|atyn", Harm),
    ("ysgwyd [someone]", Harm),
    ("ymosod [someone]", Harm),
    ("anafu [someone]", Harm),
    ("brifo [someone]", Harm),
    ("niweidio [someone]", Harm),
    ("lladd [someone]", Harm),
    ("cam drin [someone]", Abuse),
    ("cleisiau|clais", Harm),
    ("curfa|cweir|cosfa|crasfa", Harm),
    ("trais", Harm),
    ("tynnu [body]", Harm),
    ("gwaed & curo|taro|bwrw|cicio|dyrnu|llawr", Harm),
    // Sexual abuse and grooming.
    ("cyffwrdd [someone]", Abuse),
    ("cyffwrdd [body]", Abuse),
    ("preifat", Abuse),
    ("rhywiol", Abuse),
    ("treisio", Abuse),
    ("cam drin|camdriniaeth|camdrin", Abuse),
    ("tynnu dillad", Abuse),
    ("noeth|noethlymun", Abuse),
    (
        "llun|lluniau|fideo & noeth|dillad|isaf|anfon|gyrru|gofyn|cyfrinach|bath|cawod|gwely|rhannu",
        Abuse,
    ),
    ("gofyn am llun|lluniau", Abuse),
    ("anfon|gyrru llun|lluniau", Abuse),
    (
        "lein|snapchat|tiktok|instagram|fortnite|roblox|discord|whatsapp & cwrdd|cyfarfod|llun|lluniau|anrhegion|anrheg|arian|cyfrinach|oed|hyn|dyn|dynion",
        Abuse,
    ),
    (
        "cwrdd|cyfarfod [someone] & lein|snapchat|tiktok|instagram|fortnite|roblox|gem|parc|heb|cyfrinach",
        Abuse,
    ),
    (
        "anrheg|anrhegion & cyfrinach|lein|dieithr|peidio|neb|snapchat",
        Abuse,
    ),
    ("dyn hyn", Abuse),
    ("gwneud i [someone] tynnu|cyffwrdd", Abuse),
    // Neglect.
    ("[not] bwyd", Neglect),
    ("llwglyd", Neglect),
    ("llwgu", Neglect),
    (
        "eisiau|isio|isie bwyd & bob|wastad|drwy|trwy|amser|gartref|adref|adra",
        Neglect,
    ),
    (
        "pen [myself] & nos|nosweithiau|oriau|dyddiau|drwy|trwy|penwythnos|ty|adref|gartref|bore|adra",
        Neglect,
    ),
    (
        "gadael [someone] & nos|hun|hunan|oriau|dyddiau|adref|gartref|ty|penwythnos|adra",
        Neglect,
    ),
    (
        "gorfod edrych|gofalu ar ol|am brawd|brodyr|chwaer|chwiorydd|fechan|babi|bach",
        Neglect,
    ),
    (
        "edrych ar ol brawd|brodyr|chwaer|chwiorydd|fechan|babi & gorfod|hun|nos|meddw|allan",
        Neglect,
    ),
    ("meddw|meddwi", Neglect),
    ("yfed & drwy|trwy|bob|gormod|nos", Neglect),
    ("cyffuriau", Neglect),
    ("[not] gofalu am [someone]", Neglect),
    ("dillad budr|brwnt", Neglect),
    ("yr un dillad", Neglect),
    ("[not] gwres|trydan", Neglect),
    ("esgeulus|esgeuluso|esgeulustod", Neglect),
    (
        "[not] rhoi bwyd|meds|moddion|meddyginiaeth|tabledi",
        Neglect,
    ),
    (
        "[not] dod a apwyntiad|apwyntiadau|ysgol|meddyg|sesiwn|sesiynau",
        Neglect,
    ),
    // Emotional abuse.
    (
        "galw [someone] twp|tew|hyll|diwerth|retard|idiot|stiwpid|dumb|mochyn|gwirion|dwl|ffwl|dwp",
        Emotional,
    ),
    (
        "dweud|deud|gweud [someone] twp|tew|hyll|diwerth|retard|idiot|stiwpid|dumb|drwg|embarrassing",
        Emotional,
    ),
    ("neb eisiau|isio|isie [someone]", Emotional),
    ("cael geni & byth|heb|ddim|na", Emotional),
    (
        "gweiddi [someone] & rhegi|ofn|nos|wastad|curo|taro|dwp|twp",
        Emotional,
    ),
    ("rhegi [someone]", Emotional),
    (
        "anwybyddu [someone] & dyddiau|wythnos|oriau|cosb",
        Emotional,
    ),
    ("bychanu|cywilyddio [someone]", Emotional),
    ("dweud|deud|gweud mai bai", Emotional),
    // Self-harm.
    ("brifo [myself]", SelfHarm),
    ("niweidio [myself]", SelfHarm),
    ("anafu [myself]", SelfHarm),
    ("torri [myself]", SelfHarm),
    (
        "torri breichiau|braich|arddwrn|arddyrnau|coesau|croen",
        SelfHarm,
    ),
    ("llosgi [myself]", SelfHarm),
    ("crafu [body] & gwaed|gwaedu|nes|cwmpawd|croen", SelfHarm),
    ("crafu [myself]", SelfHarm),
    ("hunan niweidio|niwed|anafu", SelfHarm),
    ("llwgu [myself]", SelfHarm),
    ("cosbi [myself]", SelfHarm),
    (
        "tabledi|pils & gormod|llond|gyd|marw|cysgu|cadw|cuddio",
        SelfHarm,
    ),
    ("bwrw|taro|curo pen & wal|gwaedu|gwaed|erbyn", SelfHarm),
    ("gorddos", SelfHarm),
    // Suicidal thoughts.
    ("lladd [myself]", Suicidal),
    ("eisiau|isio|isie|moyn marw", Suicidal),
    ("hunanladdiad", Suicidal),
    ("well hebddo|hebdda|hebddi|hebddyn|hebddom", Suicidal),
    ("[not] pwynt & byw|yma|mwy|bellach|fod|bod", Suicidal),
    ("[not] eisiau|isio|isie|moyn byw", Suicidal),
    ("peidio|byth deffro", Suicidal),
    ("neidio pont|adeilad|to|clogwyn", Suicidal),
    ("diwedd bywyd", Suicidal),
    ("gorffen|cymryd bywyd", Suicidal),
    ("llythyr ffarwel", Suicidal),
    ("diflannu am byth", Suicidal),
    ("[not] meindio|ots & marw|car|bws|tren|lori", Suicidal),
    // Bullying and extortion.
    ("bwlio|bwli|bwlis|bwliad", Bullying),
    ("gwawdio|pryfocio [someone]", Bullying),
    ("chwerthin pen", Bullying),
    ("galw enwau", Bullying),
    ("dwyn arian|ffon|bag|bwyd|cinio|pethau|ipad", Bullying),
    ("arian cinio", Bullying),
    ("rhoi arian & neu|bygwth|brifo|gwneud", Bullying),
    ("talu & neu|bygwth|rhannu|£", Bullying),
    (
        "postio|rhannu llun|lluniau|fideo & ohona|ohono|ohoni|amdana|amdano|amdani|fi|hi",
        Bullying,
    ),
    ("peidio siarad [someone]", Bullying),
    ("gadael [someone] allan", Bullying),
    ("dyled", Bullying),
    ("cario pecynnau|pecyn|parseli", Bullying),
    // Feeling unsafe.
    ("[not] teimlo diogel|saff", Unsafe),
    ("[not] [someone] diogel|saff", Unsafe),
    ("[not] diogel|saff & gartref|adref|adra|ty|nos|yno", Unsafe),
    ("anniogel", Unsafe),
    ("ofn [someone]", Unsafe),
    ("ofn mynd adref|adre|adra|gartref|nol", Unsafe),
    ("ofnus|ofn & gartref|adref|nos|ty|adra", Unsafe),
    ("cuddio rhag [someone]", Unsafe),
    (
        "cuddio cwpwrdd|ystafell|stafell|dan & ofn|dad|mam|llystad|meddw|gweiddi|curo|taro|cariad|dynion",
        Unsafe,
    ),
    ("gwrthod mynd adref|adre|adra|gartref|nol", Unsafe),
    ("cysgu yn y car", Unsafe),
    ("rhedeg ffwrdd & adref|cartref|ty", Unsafe),
    (
        "[not] eisiau|isio|isie mynd adref|adre|adra|gartref",
        Unsafe,
    ),
    ("cysgu stryd", Unsafe),
    ("taflu [someone] allan", Unsafe),
    ("pethau drwg & ty|gartref|adref", Unsafe),
    ("cadair erbyn drws", Unsafe),
    // Being locked in or restrained.
    ("cloi [someone]", Restraint),
    ("cloi mewn|yn stafell|ystafell|cwpwrdd|ty|sied", Restraint),
    ("clymu [someone]", Restraint),
    ("clymu [body]", Restraint),
    ("dal [someone] lawr", Restraint),
    ("atal corfforol|ataliaeth", Restraint),
    ("ystafell ynysu", Restraint),
    ("caethiwo|caethiwed", Restraint),
    // Threats to stop a child telling.
    ("peidio dweud|deud|gweud|son", Threats),
    ("paid|peidiwch dweud|deud|gweud|son", Threats),
    (
        "os [someone] dweud|deud|gweud|son & brifo|lladd|taro|curo|mynd|trwbl|helynt|cymryd|bydd|byddan|bydda",
        Threats,
    ),
    ("cadw cyfrinach", Threats),
    (
        "cyfrinach & cadw|neb|dweud|deud|gweud|rhwng|ein|paid|peidio",
        Threats,
    ),
    ("bygwth", Threats),
    ("llosgi ty & os|plant|bygwth|heddlu", Threats),
    ("cymryd plant & os|bygwth|heddlu", Threats),
    ("lladd|brifo ci|cath", Threats),
    (
        "mynd [someone] ffwrdd & os|dweud|deud|social|heddlu",
        Threats,
    ),
    // What professionals write when they are worried.
    (
        "datgelu|datgelodd & taro|brifo|cyffwrdd|cam|gartref|dad|mam|llystad|ewythr|partner",
        Unsafe,
    ),
    ("pryder|pryderon|atgyfeiriad diogelu", Unsafe),
    ("amddiffyn plant", Unsafe),
];
