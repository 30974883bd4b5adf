// swift-tools-version:6.0
import PackageDescription

// Targets by who needs them: `Disclose` is what other tools link (the language, rule books,
// evaluation, the publication policy, diagnostics); the portal writer and the sample
// generator are libraries of their own over it; the command, the language server and the
// benchmarks use all of them, through `package` access where they need more than tools do.
let package = Package(
    name: "disclose",
    products: [
        .library(name: "Disclose", targets: ["Disclose"]),
        .library(name: "DisclosePortal", targets: ["DisclosePortal"]),
        .executable(name: "disclose", targets: ["DiscloseCLI"]),
    ],
    targets: [
        .target(name: "Disclose"),
        .target(name: "DisclosePortal", dependencies: ["Disclose"]),
        .target(name: "DiscloseSample", dependencies: ["Disclose"]),
        .target(name: "DiscloseLanguageServer", dependencies: ["Disclose"]),
        .executableTarget(
            name: "DiscloseCLI",
            dependencies: ["Disclose", "DisclosePortal", "DiscloseSample", "DiscloseLanguageServer"]
        ),
        // The benchmarks (bench/run.sh, bench/publish/run.sh): release builds only; inside the
        // package so that they may use `package` entry points (the lexer, the table reader).
        .executableTarget(
            name: "disclose-bench",
            dependencies: ["Disclose", "DiscloseSample"],
            path: "bench/Sources/disclose-bench"
        ),
        .executableTarget(
            name: "publish-bench",
            dependencies: ["Disclose", "DiscloseSample"],
            path: "bench/publish/Sources/publish-bench"
        ),
        .testTarget(
            name: "DiscloseTests",
            dependencies: ["Disclose", "DisclosePortal", "DiscloseSample"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "DiscloseLanguageServerTests",
            dependencies: ["Disclose", "DiscloseLanguageServer"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
