/// What the checker asks of a text in quotes: that it says something.
enum TextChecks {
    /// True for a text that shows nothing: empty, or only spaces of any kind (non-breaking
    /// ones included), soft hyphens and other invisible formatting characters.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0.properties.generalCategory == .format }
    }
}
