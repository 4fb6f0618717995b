/// The JSON path of an object of the seal (`data.msg.ve[0].vd[1]`), kept in parts so that it is rendered as text
/// only when a violation names it.
struct VDSNCFieldPath {
    /// The path up to the first array index (`data.msg.pid`, `data.msg.ve`).
    let base: String
    /// The index into `ve`, or -1.
    var event: Int = -1
    /// The index into the event's `vd`, or -1.
    var dose: Int = -1

    /// The path as text.
    var text: String {
        var text = base
        if event >= 0 { text += "[\(event)]" }
        if dose >= 0 { text += ".vd[\(dose)]" }
        return text
    }

    /// The path of member `key` as text.
    func member(_ key: String) -> String { base.isEmpty && event < 0 ? key : "\(text).\(key)" }
}

extension VDSNCProfile {
    /// The entries of ``fieldLimits``, looked up once: the field checks run for every verified seal.
    struct Limits {
        let uvci: Int
        let name: Int
        let birthDate: Int
        let sex: Int
        let documentNumber: Int
        let additionalIdentifier: Int
        let vaccine: Int
        let disease: Int
        let country: Int
        let centre: Int
        let lot: Int
        let date: Int
        let nextDoseDate: Int
    }

    /// ``fieldLimits`` by field.
    static let limits: Limits = {
        func limit(_ key: String) -> Int { fieldLimits[key] ?? Int.max }
        return Limits(
            uvci: limit("uvci"), name: limit("pid.n"), birthDate: limit("pid.dob"), sex: limit("pid.sex"),
            documentNumber: limit("pid.i"), additionalIdentifier: limit("pid.ai"), vaccine: limit("ve.des"),
            disease: limit("ve.dis"), country: limit("ve.vd.ctr"), centre: limit("ve.vd.adm"), lot: limit("ve.vd.lot"),
            date: limit("ve.vd.dvc"), nextDoseDate: limit("ve.vd.dvn"))
    }()
}
