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
        // For tools not written in Swift: C functions over JSON strings (include/disclose.h).
        .library(name: "DiscloseC", type: .dynamic, targets: ["DiscloseC"]),
    ],
    targets: [
        .target(name: "Disclose"),
        .target(name: "DisclosePortal", dependencies: ["Disclose"]),
        .target(name: "DiscloseSample", dependencies: ["Disclose"]),
        .target(name: "DiscloseLanguageServer", dependencies: ["Disclose"]),
        .target(name: "DiscloseC", dependencies: ["Disclose"], exclude: ["include"]),
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
        .testTarget(name: "DiscloseCTests", dependencies: ["Disclose", "DiscloseC"]),
    ],
    swiftLanguageModes: [.v6]
)
