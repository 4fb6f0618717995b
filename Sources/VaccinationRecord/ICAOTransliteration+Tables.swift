extension ICAOTransliteration {
    /// Latin letters of Latin-1 Supplement, Latin Extended-A/B and Latin Extended Additional, grouped by their
    /// replacement. Doc 9303 Part 3 (section 6, "Transliteration of multinational Latin-based characters")
    /// gives the letters with their own value: Ä→AE, Å→AA, Æ→AE, Ö→OE, Ø→OE, Ü→UE, ß→SS, Þ→TH, Ĳ→IJ, Œ→OE,
    /// Ð/Đ→D, Ħ→H, Ł→L, Ŋ→N, ı→I; every other letter becomes its base letter (from its Unicode canonical
    /// decomposition). Both cases are listed.
    static let latinGroups: [String: String] = [
        "A": "ÀÁÂÃàáâãĀāĂăĄąǍǎǞǟǠǡǺǻȀȁȂȃȦȧḀḁẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặ",
        "AA": "Åå",
        "AE": "ÄÆäæ",
        "B": "ḂḃḄḅḆḇ",
        "C": "ÇçĆćĈĉĊċČčḈḉ",
        "D": "ÐðĎďĐđḊḋḌḍḎḏḐḑḒḓ",
        "E": "ÈÉÊËèéêëĒēĔĕĖėĘęĚěȄȅȆȇȨȩḔḕḖḗḘḙḚḛḜḝẸẹẺẻẼẽẾếỀềỂểỄễỆệ",
        "F": "Ḟḟ",
        "G": "ĜĝĞğĠġĢģǦǧǴǵḠḡ",
        "H": "ĤĥĦħȞȟḢḣḤḥḦḧḨḩḪḫẖ",
        "I": "ÌÍÎÏìíîïĨĩĪīĬĭĮįİıǏǐȈȉȊȋḬḭḮḯỈỉỊị",
        "IJ": "Ĳĳ",
        "J": "Ĵĵǰ",
        "K": "ĶķĸǨǩḰḱḲḳḴḵ",
        "L": "ĹĺĻļĽľĿŀŁłḶḷḸḹḺḻḼḽ",
        "M": "ḾḿṀṁṂṃ",
        "N": "ÑñŃńŅņŇňŊŋǸǹṄṅṆṇṈṉṊṋ",
        "O": "ÒÓÔÕòóôõŌōŎŏŐőƠơǑǒǪǫǬǭȌȍȎȏȪȫȬȭȮȯȰȱṌṍṎṏṐṑṒṓỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợ",
        "OE": "ÖØöøŒœ",
        "P": "ṔṕṖṗ",
        "R": "ŔŕŖŗŘřȐȑȒȓṘṙṚṛṜṝṞṟ",
        "S": "ŚśŜŝŞşŠšſȘșṠṡṢṣṤṥṦṧṨṩ",
        "SS": "ßẞ",
        "T": "ŢţŤťŦŧȚțṪṫṬṭṮṯṰṱẗ",
        "TH": "Þþ",
        "U": "ÙÚÛùúûŨũŪūŬŭŮůŰűŲųƯưǓǔǕǖǗǘǙǚǛǜȔȕȖȗṲṳṴṵṶṷṸṹṺṻỤụỦủỨứỪừỬửỮữỰự",
        "UE": "Üü",
        "V": "ṼṽṾṿ",
        "W": "ŴŵẀẁẂẃẄẅẆẇẈẉẘ",
        "X": "ẊẋẌẍ",
        "Y": "ÝýÿŶŷŸȲȳẎẏẙỲỳỴỵỶỷỸỹ",
        "Z": "ŹźŻżŽžẐẑẒẓẔẕ",
    ]

    /// Cyrillic (Doc 9303 Part 3, section 6, "Transliteration of Cyrillic characters"), the recommended
    /// values without the language-specific alternatives (Ukrainian Г→H, Bulgarian Щ→SHT, Serbian Ц→C...),
    /// because a record does not say the language. Ь is omitted. Upper-case letters; lower case is derived.
    static let cyrillicGroups: [String: String] = [
        "A": "А", "B": "Б", "V": "В", "G": "ГЃҐ", "D": "ДЂ", "E": "ЕЁЭ", "IE": "ЄЪ", "ZH": "Ж", "Z": "З",
        "DZ": "ЅЏ", "I": "ИІЇЙ", "J": "Ј", "K": "КЌ", "L": "Л", "LJ": "Љ", "M": "М", "N": "Н", "NJ": "Њ",
        "O": "О", "P": "П", "R": "Р", "S": "С", "T": "Т", "C": "Ћ", "U": "УЎ", "F": "Ф", "KH": "Х", "TS": "Ц",
        "CH": "Ч", "SH": "Ш", "SHCH": "Щ", "Y": "Ы", "IU": "Ю", "IA": "Я", "": "Ь",
    ]

    /// Greek, one value per letter (ELOT 743 letters, as used by Greek issuers): accented and diaeresis forms
    /// map like their base letter. Upper-case letters; lower case (and final sigma) is derived.
    static let greekGroups: [String: String] = [
        "A": "ΑΆ", "V": "Β", "G": "Γ", "D": "Δ", "E": "ΕΈ", "Z": "Ζ", "I": "ΗΉΙΊΪ", "TH": "Θ", "K": "Κ",
        "L": "Λ", "M": "Μ", "N": "Ν", "X": "Ξ", "O": "ΟΌΩΏ", "P": "Π", "R": "Ρ", "S": "Σ", "T": "Τ",
        "Y": "ΥΎΫ", "F": "Φ", "CH": "Χ", "PS": "Ψ",
    ]

    /// Lower-case Greek letters whose upper case is not a single listed letter.
    static let greekExtraLowercase: [String: String] = ["S": "ς", "I": "ΐ", "Y": "ΰ"]
}
