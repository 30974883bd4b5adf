import Disclose
import Foundation

/// Words for the sample: factory names, factory responses, and the hostile and held texts
/// that the publisher must cope with. Every name is an invented combination of common words;
/// none is meant to be a real company. Phone numbers use unassigned-looking numbers, e-mail
/// addresses the reserved `example.com` domain, and identity numbers are made up.
enum SampleText {
    // MARK: Factory names

    static func factoryName(country: String, type: String, random: inout SampleRandom) -> String {
        let footwear = type == "footwear"
        switch country {
        case "VN":
            let words = ["Hòa Bình", "Phú Thịnh", "Minh Khang", "An Phước", "Thiên Long", "Sông Lam", "Hải Đăng",
                         "Bảo Ngọc", "Tân Tiến", "Đại Dương", "Hưng Phát", "Kim Sơn", "Phương Nam", "Trường Xuân",
                         "Việt Thắng", "Ngọc Lan", "Bình Minh", "Sao Mai", "Thuận Phát", "Đông Á"]
            let word = random.pick(words)
            if random.chance(0.4) {
                return footwear ? "Công ty TNHH Giày \(word)" : "Công ty TNHH May Mặc \(word)"
            }
            return "\(asciiFolded(word)) \(footwear ? "Footwear" : random.pick(["Garment", "Apparel", "Fashion"])) Co., Ltd."
        case "KH":
            let words = ["Golden Lotus", "Mekong Silk", "Angkor Thread", "Tonle Star", "Royal Needle", "Kampot Pearl",
                         "Apsara Knit", "Jade River", "Lucky Harvest", "Silver Crane", "Bayon Stitch", "Kep Breeze",
                         "Naga Textile", "Sunrise Orchid", "Prosperity Loom"]
            if random.chance(0.08) {
                return "រោងចក្រកាត់ដេរ " + random.pick(["ទន្លេមាស", "អង្គរថ្មី", "ពន្លឺថ្ងៃ", "មេគង្គ", "ផ្កាយព្រឹក"])
            }
            return "\(random.pick(words)) \(footwear ? "Footwear" : random.pick(["Garment", "Apparel", "Knitting"])) (Cambodia) Co., Ltd."
        case "ID":
            let first = ["Sinar", "Cahaya", "Mitra", "Karya", "Bintang", "Mulia", "Sentosa", "Abadi", "Surya", "Harapan"]
            let second = footwear
                ? ["Sepatu Nusantara", "Alas Kaki Jaya", "Footwear Indonesia"]
                : ["Busana Indah", "Garmen Nusantara", "Tekstil Jaya", "Apparel Makmur", "Konveksi Sejahtera", "Mode Lestari"]
            return "PT \(random.pick(first)) \(random.pick(second))"
        case "JO":
            if random.chance(0.15) {
                return "مصنع " + random.pick(["الوادي", "النور", "الياسمين", "البتراء", "الزيتون", "الشروق"]) + " للألبسة"
            }
            let words = ["Petra", "Desert Rose", "Al Noor", "Aqaba Star", "Dead Sea", "Jordan Valley", "Al Hassan Gate",
                         "Irbid Crown", "Wadi Rum", "Ajloun Pine", "Madaba Mosaic", "Amman Loom", "Jerash Column",
                         "Karak Castle", "Mafraq Fields", "Tafila Ridge", "Zarqa River"]
            return "\(random.pick(words)) \(random.pick(["Apparel Industries", "Garments Manufacturing", "Textile Co."]))"
        case "HT":
            let words = ["Textiles du Nord", "Manufacture Caracol", "Confection Soleil", "Atelier Bel Air",
                         "Couture Artibonite", "Habits Lakay", "Fil d'Or", "Tissage Citadelle"]
            return "\(random.pick(words)) \(random.pick(["S.A.", "Industries S.A.", "Apparel S.A."]))"
        case "NI":
            let words = ["Confecciones Lago Azul", "Textiles Los Volcanes", "Maquila San Cristóbal", "Costura Momotombo",
                         "Manufacturas del Pacífico", "Hilos de Masaya", "Confecciones Río Coco"]
            return "\(random.pick(words)) \(random.pick(["S.A.", "Apparel S.A.", "de Nicaragua S.A."]))"
        case "BD":
            let words = ["Padma", "Meghna", "Jamuna", "Sonar Bangla", "Rupsha", "Karnaphuli", "Shapla", "Sundarban",
                         "Teesta", "Modhumoti"]
            return "\(random.pick(words)) \(footwear ? "Footwear" : random.pick(["Knit Composite", "Apparels", "Fashions", "Sweaters"])) Ltd."
        case "EG":
            if random.chance(0.15) {
                return "شركة " + random.pick(["النيل", "الدلتا", "الإسكندرية", "سيناء"]) + " للملابس الجاهزة"
            }
            let words = ["Nile Delta", "Alexandria Cotton", "Pyramids", "Sinai Star", "Port Said", "Giza Loom", "Luxor Thread"]
            return "\(random.pick(words)) for Ready-Made Garments S.A.E."
        case "ET":
            let words = ["Hawassa Star", "Abay", "Entoto", "Awash", "Rift Valley", "Blue Nile", "Bole", "Sidama"]
            return "\(random.pick(words)) \(footwear ? "Footwear" : random.pick(["Garment", "Apparel", "Textile"])) PLC"
        case "PK":
            let words = ["Indus", "Ravi", "Chenab", "Lahore Gate", "Karakoram", "Jhelum", "Margalla", "Sialkot Star"]
            return "\(random.pick(words)) \(footwear ? "Footwear" : random.pick(["Apparel", "Knitwear", "Denim"])) (Pvt.) Ltd."
        default:
            let words = ["Northern Star", "Riverside", "Evergreen", "Blue Harbour", "Summit", "Meadowbrook"]
            return "\(random.pick(words)) \(footwear ? "Footwear" : "Garments") Ltd."
        }
    }

    /// `Hòa Bình` → `Hoa Binh`, for the English form of a Vietnamese name.
    static func asciiFolded(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar == "đ" { result += "d"; continue }
            if scalar == "Đ" { result += "D"; continue }
            let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            result.unicodeScalars.append(contentsOf: decomposed.filter { $0.isASCII })
        }
        return result
    }

    // MARK: Responses

    /// A response to one public issue: the text and its attachments.
    static func response(issue: String, category: IssueCategory?, country: String, day: Day,
                         random: inout SampleRandom) -> (text: String, attachments: [String]) {
        let done = spoken(day.adding(days: -random.int(2...25)), withYear: random.chance(0.3))
        let floor = random.pick(["second", "third", "ground", "first"])
        let count = random.int(2...40)
        let month = monthNames[day.adding(days: -random.int(0...40)).parts.month - 1]
        switch issue {
        case "EMERGENCY-EXITS", "KH-15", "KH-16":
            return random.pick([
                ("The blocked emergency exit on the \(floor) floor was cleared on \(done); photo attached.", ["exit-photo.jpg"]),
                ("The exit doors of the cutting section are now unlocked during working hours, and a guard checks them every morning.", ["exit-door.jpg", "checklist-\(month.lowercased()).pdf"]),
                ("Two new emergency exits were built on the \(floor) floor and opened on \(done).", ["new-exits-1.jpg", "new-exits-2.jpg"]),
                ("Actions taken:\n1. Boxes removed from the escape route on the \(floor) floor.\n2. Exit signs repainted.\n3. Daily check by the OSH committee since \(done).", ["exit-photo.jpg"]),
            ])
        case "FIRE-ALARM":
            return ("A new fire detection and alarm system was installed and tested on \(done).", ["fire-alarm-test-report.pdf"])
        case "EVACUATION-DRILLS", "KH-14":
            return ("We held a full evacuation drill on \(done) with all \(count * 25) workers; the next one is planned in six months.",
                    ["drill-register.pdf", "drill-photo-1.jpg"])
        case "CHEMICAL-STORAGE", "CHEMICAL-EXPOSURE":
            return ("Chemicals are now kept in a locked, ventilated store with spill trays, and every container has a label in the local language.",
                    ["chemical-store.jpg"])
        case "OSH-MANAGEMENT":
            return ("A risk assessment was completed by an external consultant on \(done), and the OSH policy was signed and posted.",
                    ["risk-assessment-summary.pdf"])
        case "DRINKING-WATER", "KH-18":
            return ("Two new water filters were installed on the production floor; the water was tested on \(done).", ["water-test.pdf"])
        case "MINIMUM-WAGE", "KH-19":
            return ("The underpayment of \(count) trainees was corrected in the \(month) payroll, with back pay.", ["payroll-extract.pdf"])
        case "OVERTIME-WAGES", "KH-20":
            return ("Overtime is now paid at 150% on weekdays and 200% on rest days, from the \(month) payroll.", [])
        case "PAID-LEAVE", "KH-21":
            return ("Unpaid annual leave was paid to the \(count) workers concerned on \(done).", ["leave-payment.pdf"])
        case "WAGE-RECORDS":
            return ("We now keep one payroll, checked every month by the union representative.", [])
        case "UNAUTHORISED-DEDUCTIONS":
            return ("Deductions for lateness were stopped and refunded to \(count) workers.", ["refund-list.pdf"])
        case "DIALOGUE-COMMITTEE":
            return ("A new worker-management committee was elected on \(done) and has met twice since.", ["committee-minutes.pdf"])
        case "GRIEVANCE-PROCEDURE":
            return ("A grievance box and a hotline were set up, and the disciplinary rules were posted on every floor.", [])
        case "SEXUAL-HARASSMENT", "KH-06":
            return ("All supervisors were trained on the anti-harassment policy on \(done), and a women's committee now receives complaints.", ["training-attendance.pdf"])
        case "PREGNANCY-DISMISSAL", "KH-04", "KH-05":
            return ("The worker was reinstated on \(done) with full back pay for the period of dismissal.", [])
        case "UNDERAGE-WORKERS", "HAZARDOUS-CHILD-LABOUR", "KH-01":
            return ("The young worker was removed from work, and the factory pays for her schooling until she reaches working age, as agreed with the Ministry.", [])
        case "RESTRICTED-MOVEMENT":
            return ("The gates now stay open during overtime, and workers may leave at any time.", ["gate-photo.jpg"])
        case "DOCUMENT-ACCESS":
            return ("Passports were returned to all workers on \(done); each worker now has a personal locker.", ["locker-photo.jpg"])
        case "RECRUITMENT-FEES":
            return ("We reimbursed recruitment fees to \(count) migrant workers and changed recruitment agency.", ["reimbursement-receipts.pdf"])
        case "ACCOMMODATION-EMERGENCY", "ACCOMMODATION-FIRE":
            return ("The dormitory now has fire extinguishers on each floor, a smoke detector in every room and a posted evacuation plan.",
                    ["dormitory-1.jpg", "dormitory-2.jpg"])
        case "FIXED-TERM-CONTRACTS":
            return ("\(count) workers on repeated fixed-term contracts were given contracts of indefinite duration.", [])
        default:
            break
        }
        switch category {
        case .freedomOfAssociation?:
            return random.pick([
                ("Management met the union on \(done) and agreed not to attend union meetings; minutes attached.", ["meeting-minutes.pdf"]),
                ("The finding concerned one line supervisor, who has been trained; the union confirms no further problem.", []),
            ])
        case .forcedLabour?:
            return ("Overtime is now voluntary: workers sign up for it in advance, and no one is penalised for refusing.", ["overtime-signup-form.pdf"])
        case .discrimination?:
            return ("The hiring procedure was revised on \(done) so that gender, age and marital status are not asked.", [])
        case .safetyAndHealth?:
            return ("The OSH committee fixed the problem on \(done); photos attached.", ["before.jpg", "after.jpg"])
        case .wages?:
            return ("The \(month) payroll corrected the error for all workers concerned.", [])
        default:
            return ("The problem was discussed with the worker representatives and fixed on \(done).", [])
        }
    }

    /// A response to the assessment as a whole.
    static func generalResponse(day: Day, random: inout SampleRandom) -> (text: String, attachments: [String]) {
        let done = spoken(day.adding(days: -random.int(2...25)), withYear: false)
        return random.pick([
            ("We thank Better Work for the assessment. An improvement plan was agreed with the worker-management committee on \(done).", ["improvement-plan.pdf"]),
            ("Most findings were limited to the finishing section (about 5% of workers); all have been addressed, see the attached plan.", ["corrective-action-plan.xlsx"]),
            ("The factory disagrees with some of the findings, which concern a subcontractor, not our own workers.", []),
            ("Since the assessment we have hired a full-time OSH officer and trained 40 line leaders, \"step by step\", as advised.", []),
        ])
    }

    /// Responses in the country's own languages.
    static func localResponse(country: String, random: inout SampleRandom) -> (text: String, attachments: [String])? {
        switch country {
        case "VN":
            return (random.pick(["Lối thoát hiểm ở tầng hai đã được dọn thông thoáng; có ảnh đính kèm.",
                                 "Công ty đã trả đủ tiền lương làm thêm giờ cho người lao động từ tháng này."]), ["anh-loi-thoat-hiem.jpg"])
        case "KH":
            return (random.pick(["ទ្វារចេញពេលមានអាសន្ននៅជាន់ទីពីរត្រូវបានបើកហើយ។",
                                 "រោងចក្របានបង់ប្រាក់ថែមម៉ោងគ្រប់ចំនួនជូនកម្មករ។"]), ["photo-exit.jpg"])
        case "JO":
            return random.chance(0.5)
                ? ("تم فتح مخرج الطوارئ في الطابق الثاني وإزالة العوائق؛ الصورة مرفقة.", ["exit-photo.jpg"])
                : ("দ্বিতীয় তলার জরুরি বহির্গমন পথ পরিষ্কার করা হয়েছে; ছবি সংযুক্ত।", ["exit-photo.jpg"])
        case "ID":
            return ("Pintu darurat di lantai dua sudah dibuka dan tidak terhalang lagi; foto terlampir.", ["foto-pintu-darurat.jpg"])
        case "HT":
            return ("La sortie de secours du deuxième étage a été dégagée ; photo jointe.", ["photo-sortie.jpg"])
        case "NI":
            return ("La salida de emergencia del segundo piso fue despejada; se adjunta foto.", ["foto-salida.jpg"])
        case "BD":
            return (bengaliResponse, ["exit-photo.jpg"])
        case "EG":
            return ("تم فتح مخرج الطوارئ في الطابق الثاني وإزالة العوائق؛ الصورة مرفقة.", ["exit-photo.jpg"])
        case "PK":
            return ("دوسری منزل کا ہنگامی راستہ صاف کر دیا گیا ہے؛ تصویر منسلک ہے۔", ["exit-photo.jpg"])
        case "ET":
            return ("በሁለተኛው ፎቅ ያለው የአደጋ ጊዜ መውጫ ተጠርጓል፤ ፎቶ ተያይዟል።", ["exit-photo.jpg"])
        default:
            return nil
        }
    }

    static let bengaliResponse = "দ্বিতীয় তলার জরুরি বহির্গমন পথ পরিষ্কার করা হয়েছে; ছবি সংযুক্ত।"

    /// A response moderation must hold, for the reason given.
    static func heldResponse(_ reason: SampleHoldReason, country: String, random: inout SampleRandom) -> String {
        switch reason {
        case .phoneNumber:
            let number = switch country {
            case "VN": "+84 28 3821 5567"
            case "KH": "+855 12 345 678"
            case "JO": "+962 6 555 0134"
            case "ID": "0812-3456-7890"
            case "BD": "+880 1711 555012"
            case "EG": "+20 10 5555 0123"
            case "ET": "+251 91 155 5012"
            case "PK": "+92 300 555 0123"
            case "HT": "+509 3455 0123"
            default: "+505 2255 0199"
            }
            return "All exits are open now. For questions call our HR office on \(number)."
        case .emailAddress:
            return "The drinking water was tested and is safe. Send any questions to hr.compliance@example.com."
        case .personName:
            let name = switch country {
            case "VN": "Mr. Tran Van Minh"
            case "KH": "Mrs. Sok Channary"
            case "ID": "Ms. Siti Rahayu"
            case "JO": "Mr. Ahmad Al-Khatib"
            case "HT": "Mme. Marie-Claude Joseph"
            case "NI": "Sra. María López"
            case "BD": "Mr. Rahim Uddin"
            case "EG": "Mr. Mahmoud Hassan"
            case "ET": "Ms. Tigist Bekele"
            case "PK": "Mr. Imran Qureshi"
            default: "Mr. John Smith"
            }
            return "The locked exit was the fault of \(name), the warehouse supervisor, who has been warned."
        case .identityNumber:
            let number = switch country {
            case "VN": "ID card 079203004512"
            case "ID": "NIK 3273010101900001"
            case "JO": "passport N1234567"
            case "BD": "NID 1990123456789"
            case "PK": "CNIC 35202-1234567-1"
            default: "ID card 010203040"
            }
            return "The worker concerned (\(number)) was reinstated with back pay."
        case .insult:
            return random.pick([
                "The assessors are incompetent idiots who understood nothing about our factory.",
                "These findings are lies made up by lazy troublemakers in the union.",
            ])
        case .groupAttack:
            return random.pick([
                "These complaints all come from the migrant workers, who are lazy and dishonest by nature.",
                "Women cannot be on the safety committee because they are too emotional to decide anything.",
            ])
        }
    }

    static let script = "<script>alert(1)</script>"

    // MARK: Dates in words

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    /// `3 May` or `3 May 2024`.
    static func spoken(_ day: Day, withYear: Bool) -> String {
        let (year, month, date) = day.parts
        return "\(date) \(monthNames[month - 1])" + (withYear ? " \(year)" : "")
    }
}

/// Why moderation must hold a sample response (portal-policy.md, "Factory responses").
package enum SampleHoldReason: String, Sendable, CaseIterable {
    /// A telephone number, which can identify a person.
    case phoneNumber = "phone-number"
    case emailAddress = "email-address"
    /// A person's name with a title, such as "Mr. Tran Van Minh".
    case personName = "person-name"
    case identityNumber = "identity-number"
    /// Abusive, insulting or defamatory language.
    case insult
    /// An attack on a group based on nationality, origin, sex or another protected ground.
    case groupAttack = "group-attack"
}
