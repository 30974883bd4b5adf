/// Facts about this library as a whole.
///
/// Not `DiscloseVersion`: `swift symbolgraph-extract` leaves out every symbol named after the
/// module followed by `Version` (the convention of C frameworks' version numbers), so such a
/// name would be missing from api/Disclose.txt.
public enum DiscloseLibrary: Sendable {
    /// This release, `MAJOR.MINOR.PATCH` by semantic versioning: a release that removes or
    /// changes anything in api/Disclose.txt raises the major number (the minor one while it is
    /// 0); `disclose --version` prints it.
    public static let version = "0.18.0"
}
