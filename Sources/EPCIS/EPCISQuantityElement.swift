/// A quantity element: a class (e.g. LGTIN, a lot of a GTIN) with an optional quantity and unit.
public struct EPCISQuantityElement: Sendable, Hashable {
    /// The class identifier (`urn:epc:class:lgtin:...` or a Digital Link with 01 and 10).
    public var epcClass: String
    /// The quantity, if given.
    public var quantity: Double?
    /// UN/ECE Rec 20 unit, if the quantity is not a count.
    public var uom: String?

    /// Creates a quantity element.
    public init(epcClass: String, quantity: Double? = nil, uom: String? = nil) {
        self.epcClass = epcClass
        self.quantity = quantity
        self.uom = uom
    }
}
