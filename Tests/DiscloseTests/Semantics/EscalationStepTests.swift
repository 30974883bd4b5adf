@testable import Disclose
import Testing

/// Escalation steps and publication calendars: the arithmetic of due days and publication days,
/// which the golden files show only for the shipped protocols.
@Suite struct EscalationStepTests {
    static func category(_ clauses: String) -> (ZeroToleranceCategory?, [Diagnostic]) {
        let text = CheckerTests.catalogue + """
            zero-tolerance ZT-TEST
              title en "Test"
              questions CHL-LAB-01
            \(clauses)
            """
        let result = CheckerTests.check(["/p/rules/x.disclose": text], entry: "/p/rules/x.disclose")
        return (result.ruleBook?.zeroTolerance.first?.periods.first?.value, result.diagnostics)
    }

    @Test(arguments: [
        // Egypt's protocol: the notification at once, the others counted from it.
        ("""
          step notify-ministry by better-work immediately
          step start-investigation by ministry within 48 hours of notification
          step follow-up by better-work within 72 hours of notification
          step agree-action-plan by better-work, ministry
        """, [0, 48, 72, nil] as [Int?]),
        // Counted from the step before, in days; immediately after a step is when it is due.
        ("""
          step notify-ministry by better-work within 1 days of assessment
          step visit by ministry within 2 days of previous-step
          step report by factory immediately
        """, [24, 72, 72]),
        // A step without a time leaves the steps counted from it without a due time too,
        // but not those counted from the notification.
        ("""
          step notify-ministry by better-work within 36 hours of assessment
          step plan by better-work, ministry
          step check by better-work within 24 hours of previous-step
          step close by ministry within 10 hours of notification
        """, [36, nil, nil, 46]),
    ])
    func stepsAreDueCountedFromWhatTheySay(_ clauses: String, _ expected: [Int?]) throws {
        let (category, diagnostics) = Self.category(clauses)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let steps = try #require(category?.steps)
        #expect(steps.map(\.dueHours) == expected)
        #expect(category?.deadlineHours == expected[0])
    }

    @Test(arguments: [(0, "2024-05-14"), (24, "2024-05-15"), (36, "2024-05-16"), (48, "2024-05-16"), (72, "2024-05-17")])
    func dueDaysRoundHoursUpToWholeDays(_ hours: Int, _ day: String) {
        let step = EscalationStep(id: "s", actors: [.betterWork], limit: .within(hours: hours, of: .assessment), dueHours: hours)
        #expect(step.dueBy(assessedOn: Day(iso: "2024-05-14")!) == Day(iso: day))
    }

    @Test func theOldDeadlineStillWorksAndCannotBeMixedWithSteps() {
        let (old, oldDiagnostics) = Self.category("  deadline 2 days\n")
        #expect(oldDiagnostics.isEmpty)
        #expect(old?.deadlineHours == 48)
        #expect(old?.steps.isEmpty == true)
        let (_, mixed) = Self.category("  deadline 24 hours\n  step notify-ministry by better-work immediately\n")
        #expect(mixed.map(\.code) == [.conflictingClauses])
    }

    @Test(arguments: [
        ("  step notify-ministry by better-work within 48 hours of notification\n", DiagnosticCode.stepCountsFromNothing),
        ("  step notify-ministry by better-wrk immediately\n", .unknownValue),
        ("  step notify-ministry by better-work within 2 weeks of assessment\n", .typeMismatch),
        ("  step notify-ministry by better-work within 1.5 days of assessment\n", .typeMismatch),
        ("  step notify-ministry by better-work within 2 days of finding\n", .unknownValue),
        ("  step notify by better-work immediately\n  step notify by ministry immediately\n", .duplicateDefinition),
    ])
    func wrongStepsAreReported(_ clauses: String, _ code: DiagnosticCode) {
        let (_, diagnostics) = Self.category(clauses)
        #expect(diagnostics.map(\.code) == [code])
    }

    @Test(arguments: [
        (PublicationCalendar.continuous, "2025-05-15", "2025-05-15"),
        (.quarterly, "2025-05-15", "2025-03-31"),
        (.quarterly, "2025-03-31", "2025-03-31"),
        (.quarterly, "2025-04-01", "2025-03-31"),
        (.quarterly, "2025-01-10", "2024-12-31"),
        (.quarterly, "2025-12-31", "2025-12-31"),
        (.quarterly, "2025-09-30", "2025-09-30"),
        (.monthly, "2025-05-15", "2025-04-30"),
        (.monthly, "2024-02-29", "2024-02-29"),
        (.monthly, "2024-03-01", "2024-02-29"),
        (.monthly, "2025-01-01", "2024-12-31"),
    ])
    func publicationDaySnapsToTheLastOneNotAfterTheDayAsked(_ calendar: PublicationCalendar, _ asked: String, _ expected: String) {
        #expect(calendar.publicationDay(onOrBefore: Day(iso: asked)!) == Day(iso: expected))
    }
}
