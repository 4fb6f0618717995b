/// One element of the intermediate tree the CBV 2.0 pre-hash string is written from: a name, an optional value and
/// children, plus the order in which named children come first (the rest follows, sorted).
struct PreHashNode: Sendable {
    var name: String
    var value: String
    var children: [PreHashNode]
    var order: [PreHashOrder.Entry]

    init(_ name: String, value: String = "", children: [PreHashNode] = [], order: [PreHashOrder.Entry] = []) {
        self.name = name
        self.value = value
        self.children = children
        self.order = order
    }

    /// `name` + `=value` (when non-empty) + the children's string; empty when there is neither value nor children text.
    func render() -> String {
        let inner = PreHashNode.render(children, order: order)
        if value.isEmpty && inner.isEmpty { return "" }
        return name + (value.isEmpty ? "" : "=" + value) + inner
    }

    /// Like ``render()``, but in a structure with a fixed order only the ordered members and `{namespace}` extensions
    /// are written in place; other unknown members are returned as a pruned copy of this node (with its ancestors'
    /// names when written later), which the reference implementation appends at the end of the event.
    func renderConsuming() -> (text: String, leftover: PreHashNode?) {
        var (inner, leftovers, used) = Self.renderOrderedConsuming(children, order: order)
        var inline: [String] = []
        for child in children where !used.contains(child.name) {
            if order.isEmpty || child.name.hasPrefix("{") {
                let (text, left) = child.renderConsuming()
                inline.append(text)
                if let left { leftovers.append(left) }
            } else {
                leftovers.append(child)
            }
        }
        inner += PreHashNode.sortedJoin(inline)
        let text = value.isEmpty && inner.isEmpty ? "" : name + (value.isEmpty ? "" : "=" + value) + inner
        return (text, leftovers.isEmpty ? nil : PreHashNode(name, children: leftovers))
    }

    /// An event: `order` members in place (consuming), then everything else, including leftovers of nested
    /// structures, fully written and sorted.
    static func renderEvent(_ children: [PreHashNode], order: [PreHashOrder.Entry]) -> String {
        var (out, rest, used) = renderOrderedConsuming(children, order: order)
        rest += children.filter { !used.contains($0.name) }
        return out + sortedJoin(rest.map { $0.render() })
    }

    /// The children named in `order`, in that order (each name's items sorted), written consuming: their text, the
    /// leftovers they return, and the names used.
    private static func renderOrderedConsuming(
        _ children: [PreHashNode], order: [PreHashOrder.Entry]
    ) -> (text: String, leftovers: [PreHashNode], used: Set<String>) {
        var text = ""
        var leftovers: [PreHashNode] = []
        var used: Set<String> = []
        for entry in order {
            used.insert(entry.name)
            var items: [String] = []
            for child in children where child.name == entry.name {
                let (itemText, left) = child.renderConsuming()
                items.append(itemText)
                if let left { leftovers.append(left) }
            }
            text += sortedJoin(items)
        }
        return (text, leftovers, used)
    }

    /// Children named in `order` first (each name's items sorted), then every other child, sorted.
    static func render(_ children: [PreHashNode], order: [PreHashOrder.Entry]) -> String {
        var out = ""
        var used: Set<String> = []
        for entry in order {
            used.insert(entry.name)
            out += sortedJoin(children.lazy.filter { $0.name == entry.name }.map { $0.render() })
        }
        out += sortedJoin(children.lazy.filter { !used.contains($0.name) }.map { $0.render() })
        return out
    }

    /// Joins the non-empty strings after sorting them by code point (UTF-8 byte order).
    static func sortedJoin<S: Sequence<String>>(_ items: S) -> String {
        items.filter { !$0.isEmpty }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.joined()
    }
}
