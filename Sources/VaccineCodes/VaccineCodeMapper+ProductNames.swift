extension VaccineCodeMapper {
    /// The product a name text gives (ICAO VDS-NC `nam`, a VC `medicinalProductName`): its table name
    /// (`Jcovden (COVID-19 Vaccine Janssen)`), the part before the parentheses (`Jcovden`), the part inside them
    /// (`COVID-19 Vaccine Janssen`) or its EU `mp` code (`EU/1/20/1525`), without regard to case or spacing.
    /// `nil` for a name no product has.
    public func product(named name: String) -> VaccineProduct? {
        productsByName[Self.foldedName(name)]
    }

    /// Every product under each name it is known by; the first product to claim a name keeps it.
    static func productsByName(_ products: [VaccineProduct]) -> [String: VaccineProduct] {
        var byName: [String: VaccineProduct] = [:]
        for product in products {
            for key in nameKeys(of: product) where byName[key] == nil { byName[key] = product }
        }
        return byName
    }

    /// The folded names of a product (see ``product(named:)``).
    static func nameKeys(of product: VaccineProduct) -> [String] {
        var names = [product.name]
        if let open = product.name.firstIndex(of: "("), product.name.hasSuffix(")") {
            names.append(String(product.name[..<open]))
            names.append(String(product.name[product.name.index(after: open)..<product.name.index(before: product.name.endIndex)]))
        }
        if let code = product.euProductNumber?.code { names.append(code) }
        return names.map(foldedName).filter { !$0.isEmpty }
    }

    /// A name folded for comparison: trimmed, inner white space collapsed to one space, upper case.
    static func foldedName(_ name: String) -> String {
        name.split(whereSeparator: \.isWhitespace).joined(separator: " ").uppercased()
    }
}
