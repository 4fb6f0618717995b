import CivilCalendar
import Testing

struct CivilCalendarTests {
    /// Known day numbers (checked with Python: `(date(y, m, d) - date(1970, 1, 1)).days`).
    @Test(arguments: [
        (1970, 1, 1, 0), (1970, 1, 2, 1), (1969, 12, 31, -1), (2000, 2, 29, 11_016), (2000, 3, 1, 11_017),
        (2021, 6, 1, 18_779), (1900, 3, 1, -25_508), (1, 1, 1, -719_162), (9999, 12, 31, 2_932_896),
        (2026, 11, 30, 20_787), (1600, 2, 29, -135_081),
    ])
    func dayNumbers(year: Int, month: Int, day: Int, number: Int) {
        #expect(CivilCalendar.dayNumber(year: year, month: month, day: day) == number)
        let date = CivilCalendar.date(dayNumber: number)
        #expect(date.year == year && date.month == month && date.day == day)
    }

    /// Every day of 400 years (one era, plus a bit either side) round-trips, and consecutive days are consecutive.
    @Test func everyDayOfAnEraRoundTrips() {
        var expected = CivilCalendar.dayNumber(year: 1599, month: 12, day: 31)
        for year in 1600...2001 {
            for month in 1...12 {
                for day in 1...CivilCalendar.daysInMonth(year: year, month: month) {
                    expected += 1
                    #expect(CivilCalendar.dayNumber(year: year, month: month, day: day) == expected)
                    let date = CivilCalendar.date(dayNumber: expected)
                    if date.year != year || date.month != month || date.day != day {
                        Issue.record("\(expected) gave \(date), expected \(year)-\(month)-\(day)")
                        return
                    }
                }
            }
        }
    }

    @Test func leapYearsAndMonthLengths() {
        #expect(CivilCalendar.isLeapYear(2000) && CivilCalendar.isLeapYear(2024) && CivilCalendar.isLeapYear(1600))
        #expect(!CivilCalendar.isLeapYear(1900) && !CivilCalendar.isLeapYear(2023) && !CivilCalendar.isLeapYear(2100))
        #expect(CivilCalendar.daysInMonth(year: 2024, month: 2) == 29)
        #expect(CivilCalendar.daysInMonth(year: 2023, month: 2) == 28)
        #expect(CivilCalendar.daysInMonth(year: 2023, month: 4) == 30)
        #expect(CivilCalendar.daysInMonth(year: 2023, month: 12) == 31)
        #expect(CivilCalendar.daysInMonth(year: 2023, month: 0) == 0)
        #expect(CivilCalendar.daysInMonth(year: 2023, month: 13) == 0)
    }
}
