import Disclose
import DiscloseSample
import Foundation
import Testing

/// The sample shipped under examples/sample is exactly what the generator makes from the
/// shipped rules, so the README's first command always runs on current data.
@Suite struct ShippedSampleTests {
    @Test func shippedSampleIsUpToDate() throws {
        let set = try SampleData(seed: 1, scale: 1).generate(rulesRoot: Golden.packageRoot.path)
        for file in set.files(format: .csv) {
            let shipped = try String(contentsOf: Golden.packageRoot.appendingPathComponent("examples/sample/\(file.name)"), encoding: .utf8)
            #expect(shipped == file.contents, "examples/sample/\(file.name) is stale: run `disclose sample --seed 1 --scale 1 --out examples/sample`")
        }
    }
}
