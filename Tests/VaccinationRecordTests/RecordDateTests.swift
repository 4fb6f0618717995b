import Testing
import VaccinationRecord

@Suite struct RecordDateTests {
    @Test func calendarDateChecksMonthsAndLeapYears() {
        #expect(CalendarDate("2020-02-29") != nil)
        #expect(CalendarDate("2000-02-29") != nil)
        #expect(CalendarDate("2021-02-29") == nil)
        #expect(CalendarDate("1900-02-29") == nil)
        #expect(CalendarDate("2021-04-31") == nil)
        #expect(CalendarDate("2021-12-31") != nil)
        #expect(CalendarDate("2021-00-10") == nil)
        #expect(CalendarDate("2021-13-01") == nil)
        #expect(CalendarDate("2021-01-00") == nil)
        #expect(CalendarDate("0000-01-01") == nil)
        for text in ["2021-1-01", "2021-01-1", "21-01-01", "2021/01/01", "2021-01-01 ", "+021-01-01", "２０２１-01-01", ""]
        {
            #expect(CalendarDate(text) == nil, "\(text)")
        }
        #expect(CalendarDate(year: 2024, month: 2, day: 29)?.text == "2024-02-29")
        #expect(CalendarDate(year: 7, month: 3, day: 9)?.text == "0007-03-09")
        #expect(CalendarDate.daysInMonth(year: 2023, month: 2) == 28)
    }

    @Test func calendarDateCountsDaysSince1970() throws {
        #expect(CalendarDate("1970-01-01")?.daysSince1970 == 0)
        #expect(CalendarDate("1969-12-31")?.daysSince1970 == -1)
        #expect(CalendarDate("2000-03-01")?.daysSince1970 == 11_017)
        #expect(CalendarDate("2021-06-11")?.daysSince1970 == 18_789)
        #expect(CalendarDate("0001-01-01")?.daysSince1970 == -719_162)
        #expect(CalendarDate("9999-12-31")?.daysSince1970 == 2_932_896)
        #expect(CalendarDate(daysSince1970: 2_932_897) == nil)
        #expect(CalendarDate(daysSince1970: -719_163) == nil)
        var previous = try #require(CalendarDate(daysSince1970: -800))
        for days in -799...40_000 {
            let date = try #require(CalendarDate(daysSince1970: days))
            #expect(date.daysSince1970 == days)
            #expect(previous < date)
            previous = date
        }
    }

    @Test func partialDateForms() {
        #expect(PartialDate("1964")?.precision == .year)
        #expect(PartialDate("1964-08")?.precision == .month)
        #expect(PartialDate("1964-08-12")?.calendarDate == CalendarDate("1964-08-12"))
        #expect(PartialDate("1964-08")?.text == "1964-08")
        for text in ["", "196", "1964-8", "1964-13", "1964-02-30", "1964-08-12T00:00:00", "64"] {
            #expect(PartialDate(text) == nil, "\(text)")
        }
        #expect(PartialDate(year: 1964, month: nil, day: 3) == nil)
    }

    @Test(arguments: [
        ("2021-06-11T17:30:00Z", true, 0),
        ("2021-06-11t17:30:00z", true, 0),
        ("2021-06-11T17:30:00.123Z", true, 0),
        ("2021-06-11T17:30:00.123456789+02:00", true, 120),
        ("2021-06-11T17:30:00-05:30", true, -330),
        ("2021-06-11T17:30:00+0200", false, 120),
        ("2021-06-11T17:30:00+02", false, 120),
        ("2021-06-11T17:30Z", false, 0),
        ("2016-12-31T23:59:60Z", true, 0),
    ])
    func acceptedDateTimes(text: String, rfc3339: Bool, offset: Int) throws {
        let value = try #require(DateTime(text))
        #expect(value.text == text)
        #expect(value.isRFC3339 == rfc3339)
        #expect(value.utcOffsetMinutes == offset)
    }

    @Test func localDateTimeHasNoInstant() throws {
        let local = try #require(DateTime("2021-06-11T17:30:00"))
        #expect(local.utcOffsetMinutes == nil)
        #expect(local.secondsSince1970 == nil)
        #expect(!local.isRFC3339)
    }

    @Test(arguments: [
        "2021-06-11", "2021-06-11T24:00:00Z", "2021-06-11T17:60:00Z", "2021-06-11T17:30:61Z", "2021-02-30T00:00:00Z",
        "2021-06-11T17:30:00.Z", "2021-06-11T17:30:00.1234567890Z", "2021-06-11T17:30:00+24:00",
        "2021-06-11T17:30:00Zx",
        "2021-06-11 17:30:00Z", "2021-06-11T1730", "2021-06-11T17:30:00+2:00", "",
    ])
    func rejectedDateTimes(text: String) {
        #expect(DateTime(text) == nil)
    }

    @Test func dateTimeSecondsSince1970() throws {
        #expect(DateTime("2021-06-11T17:30:00Z")?.secondsSince1970 == 1_623_432_600)
        #expect(DateTime("2021-06-11T19:30:00+02:00")?.secondsSince1970 == 1_623_432_600)
        #expect(DateTime("1969-12-31T23:59:59Z")?.secondsSince1970 == -1)
        #expect(DateTime(secondsSince1970: 1_623_432_600)?.text == "2021-06-11T17:30:00Z")
        #expect(DateTime(secondsSince1970: -1)?.text == "1969-12-31T23:59:59Z")
        #expect(DateTime(secondsSince1970: 0)?.text == "1970-01-01T00:00:00Z")
        #expect(DateTime(secondsSince1970: .max) == nil)
        #expect(DateTime(secondsSince1970: .min) == nil)
        for seconds in stride(from: Int64(-5_000_000_000), through: 5_000_000_000, by: 86_399_999) {
            #expect(DateTime(secondsSince1970: seconds)?.secondsSince1970 == seconds)
        }
    }
}
