/// ISO 3166-1 country codes: the 249 officially assigned alpha-2 / alpha-3 pairs.
///
/// Source of the table: ISO 3166-1 as distributed in the Debian `iso-codes` package (4.15.0).
/// `XK`/`XKX` (Kosovo) is a user-assigned code, not part of ISO 3166-1; it is accepted as a documented
/// extension because the EU DCC country value set (`country-2-codes`) contains `XK`.
public enum ISO3166 {
    /// One country: its alpha-2 and alpha-3 codes (upper case).
    public struct Entry: Sendable, Hashable {
        /// The ISO 3166-1 alpha-2 code.
        public let alpha2: String
        /// The ISO 3166-1 alpha-3 code.
        public let alpha3: String
    }

    /// The 249 officially assigned codes, sorted by alpha-2.
    public static let officiallyAssigned: [Entry] = packedOfficial.map {
        Entry(alpha2: String($0.prefix(2)), alpha3: String($0.dropFirst(2)))
    }

    /// User-assigned codes accepted in addition (see the type documentation): Kosovo.
    public static let acceptedExtensions: [Entry] = [Entry(alpha2: "XK", alpha3: "XKX")]

    /// Looks up a code: an upper-case alpha-2 or alpha-3 code that is officially assigned or an accepted extension.
    public static func entry(for code: String) -> Entry? {
        switch code.utf8.count {
        case 2: return byAlpha2[code]
        case 3: return byAlpha3[code]
        default: return nil
        }
    }

    /// The alpha-2 code for an alpha-2 or alpha-3 code, or `nil` when the code is unknown.
    public static func alpha2(for code: String) -> String? { entry(for: code)?.alpha2 }

    /// The alpha-3 code for an alpha-2 or alpha-3 code, or `nil` when the code is unknown.
    public static func alpha3(for code: String) -> String? { entry(for: code)?.alpha3 }

    /// Normalises an alpha-2 or alpha-3 code to alpha-2.
    ///
    /// - Throws: ``RecordError`` `RECORD_UNKNOWN_COUNTRY` when the code is not known; unknown codes are
    ///   never dropped or guessed. `path` names the field in the error message.
    public static func normalizedAlpha2(_ code: String, path: String = "country") throws -> String {
        guard let entry = entry(for: code) else {
            throw RecordError(
                .unknownCountry, path: path, "expected an ISO 3166-1 alpha-2 or alpha-3 code in upper case"
            )
        }
        return entry.alpha2
    }

    private static let allEntries: [Entry] = officiallyAssigned + acceptedExtensions
    private static let byAlpha2: [String: Entry] = Dictionary(
        allEntries.map { ($0.alpha2, $0) }, uniquingKeysWith: { first, _ in first }
    )
    private static let byAlpha3: [String: Entry] = Dictionary(
        allEntries.map { ($0.alpha3, $0) }, uniquingKeysWith: { first, _ in first }
    )

    /// Alpha-2 followed by alpha-3, one string per country.
    private static let packedOfficial: [String] = [
        "ADAND", "AEARE", "AFAFG", "AGATG", "AIAIA", "ALALB", "AMARM", "AOAGO", "AQATA", "ARARG", "ASASM", "ATAUT",
        "AUAUS", "AWABW", "AXALA", "AZAZE", "BABIH", "BBBRB", "BDBGD", "BEBEL", "BFBFA", "BGBGR", "BHBHR", "BIBDI",
        "BJBEN", "BLBLM", "BMBMU", "BNBRN", "BOBOL", "BQBES", "BRBRA", "BSBHS", "BTBTN", "BVBVT", "BWBWA", "BYBLR",
        "BZBLZ", "CACAN", "CCCCK", "CDCOD", "CFCAF", "CGCOG", "CHCHE", "CICIV", "CKCOK", "CLCHL", "CMCMR", "CNCHN",
        "COCOL", "CRCRI", "CUCUB", "CVCPV", "CWCUW", "CXCXR", "CYCYP", "CZCZE", "DEDEU", "DJDJI", "DKDNK", "DMDMA",
        "DODOM", "DZDZA", "ECECU", "EEEST", "EGEGY", "EHESH", "ERERI", "ESESP", "ETETH", "FIFIN", "FJFJI", "FKFLK",
        "FMFSM", "FOFRO", "FRFRA", "GAGAB", "GBGBR", "GDGRD", "GEGEO", "GFGUF", "GGGGY", "GHGHA", "GIGIB", "GLGRL",
        "GMGMB", "GNGIN", "GPGLP", "GQGNQ", "GRGRC", "GSSGS", "GTGTM", "GUGUM", "GWGNB", "GYGUY", "HKHKG", "HMHMD",
        "HNHND", "HRHRV", "HTHTI", "HUHUN", "IDIDN", "IEIRL", "ILISR", "IMIMN", "ININD", "IOIOT", "IQIRQ", "IRIRN",
        "ISISL", "ITITA", "JEJEY", "JMJAM", "JOJOR", "JPJPN", "KEKEN", "KGKGZ", "KHKHM", "KIKIR", "KMCOM", "KNKNA",
        "KPPRK", "KRKOR", "KWKWT", "KYCYM", "KZKAZ", "LALAO", "LBLBN", "LCLCA", "LILIE", "LKLKA", "LRLBR", "LSLSO",
        "LTLTU", "LULUX", "LVLVA", "LYLBY", "MAMAR", "MCMCO", "MDMDA", "MEMNE", "MFMAF", "MGMDG", "MHMHL", "MKMKD",
        "MLMLI", "MMMMR", "MNMNG", "MOMAC", "MPMNP", "MQMTQ", "MRMRT", "MSMSR", "MTMLT", "MUMUS", "MVMDV", "MWMWI",
        "MXMEX", "MYMYS", "MZMOZ", "NANAM", "NCNCL", "NENER", "NFNFK", "NGNGA", "NINIC", "NLNLD", "NONOR", "NPNPL",
        "NRNRU", "NUNIU", "NZNZL", "OMOMN", "PAPAN", "PEPER", "PFPYF", "PGPNG", "PHPHL", "PKPAK", "PLPOL", "PMSPM",
        "PNPCN", "PRPRI", "PSPSE", "PTPRT", "PWPLW", "PYPRY", "QAQAT", "REREU", "ROROU", "RSSRB", "RURUS", "RWRWA",
        "SASAU", "SBSLB", "SCSYC", "SDSDN", "SESWE", "SGSGP", "SHSHN", "SISVN", "SJSJM", "SKSVK", "SLSLE", "SMSMR",
        "SNSEN", "SOSOM", "SRSUR", "SSSSD", "STSTP", "SVSLV", "SXSXM", "SYSYR", "SZSWZ", "TCTCA", "TDTCD", "TFATF",
        "TGTGO", "THTHA", "TJTJK", "TKTKL", "TLTLS", "TMTKM", "TNTUN", "TOTON", "TRTUR", "TTTTO", "TVTUV", "TWTWN",
        "TZTZA", "UAUKR", "UGUGA", "UMUMI", "USUSA", "UYURY", "UZUZB", "VAVAT", "VCVCT", "VEVEN", "VGVGB", "VIVIR",
        "VNVNM", "VUVUT", "WFWLF", "WSWSM", "YEYEM", "YTMYT", "ZAZAF", "ZMZMB", "ZWZWE",
    ]
}
