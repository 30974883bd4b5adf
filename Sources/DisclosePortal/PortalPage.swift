/// One file of the portal site: its name, which is also its link from the other pages, and
/// its text (HTML, the stylesheet or the script).
public struct PortalPage: Sendable, Equatable, Codable {
    /// The file name, such as `KH.en.html` or `portal.css`.
    public var name: String
    /// The file's text, UTF-8 when written.
    public var text: String
}
