import { afterEach, describe, expect, it } from 'vitest';
import { parseGmailDate } from '../../../sites/gmail/parse-date';

// Gmail writes a message's full date in the title of its date element (span.g3[title]) and,
// in the same words, in the header of a quoted reply ("On Tue, Nov 3, 2026 at 9:14 AM ...",
// "Am So., 1. Jan. 2023 um 17:22 Uhr schrieb ..."), which is where public samples exist.
// Each sample names where it was found (a few come from other mail programs, marked, which write
// the same CLDR words). Where no public sample exists, the string is the one the CLDR pattern
// gives (through Intl, as Gmail's own formatter uses CLDR): "CLDR via Intl".

/** The expected instant: 1-based month, the machine's own time zone, like the parser. */
const local = (y: number, m: number, d: number, h = 0, min = 0) =>
  new Date(y, m - 1, d, h, min).getTime();

type Sample = [title: string, language: string, expected: number];

const SAMPLES: Sample[] = [
  // English
  ['Tue, Nov 3, 2026, 9:14 AM', 'en', local(2026, 11, 3, 9, 14)], // Threadline brief: a real Gmail title
  ['Mon, Aug 26, 2019 at 4:37 PM', 'en', local(2019, 8, 26, 16, 37)], // crisp-oss/email-reply-parser test/fixtures/email_gmail_split_line_from.txt
  ['Wed, May 18, 2016 at 11:10 PM', 'en', local(2016, 5, 18, 23, 10)], // alfonsrv/mail-parser-reply test/emails/email_gmail.txt
  ['Tue, 16 Nov 2021, 12:34 pm', 'en-GB', local(2021, 11, 16, 12, 34)], // crisp-oss/email-reply-parser test/fixtures/email_en_multiline_2.txt
  // Turkish
  ['17 Kas 2026 Sal 14:03', 'tr', local(2026, 11, 17, 14, 3)], // Threadline brief: a real Gmail title
  ['3 Ağu 2026 Pzt 09:30', 'tr', local(2026, 8, 3, 9, 30)], // tests/unit/sites/gmail-route-and-date.test.ts (Threadline's Turkish fixture)
  // Finnish
  ['ti 17.11.2026 klo 14.03', 'fi', local(2026, 11, 17, 14, 3)], // Threadline brief: a real Gmail title
  ['pe 20. lokakuuta 2017 klo 17.50', 'fi', local(2017, 10, 20, 17, 50)], // crisp-oss/email-reply-parser test/fixtures/email_finnish.txt
  // German
  ['3. März 2026, 14:05', 'de', local(2026, 3, 3, 14, 5)], // Threadline brief: a real Gmail title
  ['Di., 3. Nov. 2026, 09:14', 'de', local(2026, 11, 3, 9, 14)], // Threadline brief: a real Gmail title
  ['So., 1. Jan. 2023 um 17:22 Uhr', 'de', local(2023, 1, 1, 17, 22)], // alfonsrv/mail-parser-reply test/emails/multiline_on_de.txt
  // French
  ['lun. 15 nov. 2021 à 19:42', 'fr', local(2021, 11, 15, 19, 42)], // crisp-oss/email-reply-parser test/fixtures/email_fr_multiline.txt
  ['mar. 3 nov. 2026, 09:14', 'fr', local(2026, 11, 3, 9, 14)], // CLDR via Intl (E d MMM y, HH:mm)
  // Spanish
  ['vie, 3 de marzo de 2023 a la(s) 9:21 a.m.', 'es-419', local(2023, 3, 3, 9, 21)], // EdgeTier/email-reply-parser test/emails/spanish_signoff.txt
  ['19/03/2014 11:34', 'es', local(2014, 3, 19, 11, 34)], // t2bot/node-email-reply-parser test/ParserTest.js ("Gmail in spanish")
  ['mar, 3 nov 2026, 14:05', 'es', local(2026, 11, 3, 14, 5)], // CLDR via Intl (E, d MMM y, H:mm)
  // Italian
  ['mar 3 nov 2026, 09:14', 'it', local(2026, 11, 3, 9, 14)], // CLDR via Intl (EEE d MMM y, HH:mm)
  ['mar 3 mar 2026, 14:05', 'it', local(2026, 3, 3, 14, 5)], // CLDR via Intl: "mar" is both martedì and marzo
  // Portuguese
  ['sex., 17 de mai. de 2024 às 17:37', 'pt-BR', local(2024, 5, 17, 17, 37)], // EdgeTier/email-reply-parser test/emails/email_portuguese_1.txt
  ['ter., 01 de mar. de 2011 às 18:02', 'pt-BR', local(2011, 3, 1, 18, 2)], // t2bot/node-email-reply-parser test/ParserTest.js ("Gmail in PT-BR")
  // Polish
  ['7 stycznia 2015 15:24', 'pl', local(2015, 1, 7, 15, 24)], // willdurand/EmailReplyParser tests/EmailReplyParser/Tests/Parser/EmailParserTest.php ("Gmail in polish")
  ['wt., 3 lis 2026, 14:05', 'pl', local(2026, 11, 3, 14, 5)], // CLDR via Intl (EEE, d MMM y, HH:mm)
  // Russian
  ['26 дек. 2019 г., 22:53', 'ru', local(2019, 12, 26, 22, 53)], // Threadline brief: a real Gmail title
  ['ср, 30 апр. 2025 г. в 15:19', 'ru', local(2025, 4, 30, 15, 19)], // crisp-oss/email-reply-parser test/fixtures/email_russian.txt
  // Japanese
  ['2026年11月3日(火) 9:14', 'ja', local(2026, 11, 3, 9, 14)], // CLDR via Intl (y年M月d日(E) H:mm)
  ['2026年11月3日(火) 午後2:05', 'ja', local(2026, 11, 3, 14, 5)], // CLDR via Intl (y年M月d日(E) aK:mm)
  // Chinese
  ['2016年5月4日 上午10:08', 'zh-CN', local(2016, 5, 4, 10, 8)], // Threadline brief: a real Gmail title
  ['2016年11月8日，下午2:23', 'zh-CN', local(2016, 11, 8, 14, 23)], // t2bot/node-email-reply-parser test/ParserTest.js (Apple Mail's Chinese quote header)
  ['2026年11月3日週二 下午2:05', 'zh-TW', local(2026, 11, 3, 14, 5)], // CLDR via Intl (y年M月d日EEE ah:mm)
  // Korean
  ['2016. 11. 8. 오후 12:39', 'ko', local(2016, 11, 8, 12, 39)], // t2bot/node-email-reply-parser test/ParserTest.js (Apple Mail's Korean quote header)
  ['2026년 11월 3일 (화) 오후 9:14', 'ko', local(2026, 11, 3, 21, 14)], // CLDR via Intl (y년 MMM d일 (E) a h:mm), the period as Gmail writes it (오후; newer ICU writes PM)
  // Dutch
  ['za 8 mei 2021 om 12:09', 'nl', local(2021, 5, 8, 12, 9)], // web-ridge/email-reply-parser dataset/quoted_reply/dutch.txt
  // Swedish
  ['ons 4 dec. 2024 kl. 20:42', 'sv', local(2024, 12, 4, 20, 42)], // alfonsrv/mail-parser-reply test/emails/email_sv_anon_1.txt
  ['fre 28 feb. 2025 10:15', 'sv', local(2025, 2, 28, 10, 15)], // alfonsrv/mail-parser-reply test/emails/email_swedish_2.txt (mail program not named)
  // Norwegian, Danish, Hungarian, Vietnamese
  ['tir. 18. apr. 2017 kl. 13:09', 'nb', local(2017, 4, 18, 13, 9)], // crisp-oss/email-reply-parser test/fixtures/email_norwegian_gmail.txt
  ['24. nov. 2025 kl. 10.00', 'da', local(2025, 11, 24, 10, 0)], // alfonsrv/mail-parser-reply test/emails/email_danish_1.txt (mail program not named)
  ['2013.02.08. 7:31', 'hu', local(2013, 2, 8, 7, 31)], // crisp-oss/email-reply-parser test/fixtures/email_custom_quote_header.txt (Thunderbird's Hungarian header)
  ['14:24 8 tháng 6, 2017', 'vi', local(2017, 6, 8, 14, 24)], // mailgun/talon tests/text_quotations_test.py
];

describe('Gmail dates in the page language', () => {
  it.each(SAMPLES)('%s (%s)', (title, language, expected) => {
    expect(parseGmailDate(title, language)).toBe(expected);
  });
});

describe('Gmail dates without the page language', () => {
  // The same titles, read by finding the language whose words they are.
  it.each(SAMPLES)('%s', (title, _language, expected) => {
    expect(parseGmailDate(title)).toBe(expected);
    expect(parseGmailDate(title, null)).toBe(expected);
  });

  it('falls back from a wrong or unusable language', () => {
    expect(parseGmailDate('26 дек. 2019 г., 22:53', 'en')).toBe(local(2019, 12, 26, 22, 53));
    expect(parseGmailDate('ti 17.11.2026 klo 14.03', 'en')).toBe(local(2026, 11, 17, 14, 3));
    expect(parseGmailDate('Di., 3. Nov. 2026, 09:14', 'fr')).toBe(local(2026, 11, 3, 9, 14));
    expect(parseGmailDate('17 Kas 2026 Sal 14:03', 'ja')).toBe(local(2026, 11, 17, 14, 3));
    expect(parseGmailDate('lun. 15 nov. 2021 à 19:42', 'de')).toBe(local(2021, 11, 15, 19, 42));
    // English cannot tell 午後 (afternoon): Japanese, which reads every word, does.
    expect(parseGmailDate('2026年11月3日(火) 午後2:05', 'en')).toBe(local(2026, 11, 3, 14, 5));
    expect(parseGmailDate('2016年5月4日 上午10:08', 'de')).toBe(local(2016, 5, 4, 10, 8));
    expect(parseGmailDate('Tue, Nov 3, 2026, 9:14 AM', 'zz')).toBe(local(2026, 11, 3, 9, 14));
    expect(parseGmailDate('Tue, Nov 3, 2026, 9:14 AM', 'not a tag!')).toBe(
      local(2026, 11, 3, 9, 14),
    );
    expect(parseGmailDate('Tue, Nov 3, 2026, 9:14 AM', '')).toBe(local(2026, 11, 3, 9, 14));
  });
});

describe('Gmail date forms', () => {
  it('reads the print view, which puts a word between the date and the time', () => {
    expect(parseGmailDate('Tue, Nov 3, 2026 at 9:14 AM', 'en')).toBe(local(2026, 11, 3, 9, 14)); // CLDR via Intl
    expect(parseGmailDate('Mon, Jun 3, 2024 at 12:53\u202fAM')).toBe(local(2024, 6, 3, 0, 53)); // alfonsrv/mail-parser-reply test/emails/begins_with_signature.txt
    expect(parseGmailDate('Di., 3. Nov. 2026 um 09:14', 'de')).toBe(local(2026, 11, 3, 9, 14)); // CLDR via Intl
    expect(parseGmailDate('mar. 3 nov. 2026 à 09:14', 'fr')).toBe(local(2026, 11, 3, 9, 14)); // CLDR via Intl
    expect(parseGmailDate('вт, 3 нояб. 2026 г. в 09:14', 'ru')).toBe(local(2026, 11, 3, 9, 14)); // CLDR via Intl
    expect(parseGmailDate('mar 3 nov 2026 alle ore 09:14', 'it')).toBe(local(2026, 11, 3, 9, 14)); // CLDR via Intl
    expect(parseGmailDate('ter., 3 de nov. de 2026 às 09:14', 'pt-BR')).toBe(
      local(2026, 11, 3, 9, 14),
    ); // CLDR via Intl
    expect(parseGmailDate('tiistai 3. marraskuuta 2026 klo 9.14', 'fi')).toBe(
      local(2026, 11, 3, 9, 14),
    ); // CLDR via Intl
    // A connector no pattern of the language has is passed over.
    expect(parseGmailDate('Tue, Nov 3, 2026 @ 9:14 AM', 'en')).toBe(local(2026, 11, 3, 9, 14));
    expect(parseGmailDate('Tue, Nov 3, 2026 around 9:14 AM', 'en')).toBe(local(2026, 11, 3, 9, 14));
  });

  it('reads month names long, short, with and without the dot, and in their date form', () => {
    expect(parseGmailDate('3 listopada 2026 14:05', 'pl')).toBe(local(2026, 11, 3, 14, 5));
    expect(parseGmailDate('3 listopad 2026 14:05', 'pl')).toBe(local(2026, 11, 3, 14, 5));
    expect(parseGmailDate('3 ноября 2026 г., 14:05', 'ru')).toBe(local(2026, 11, 3, 14, 5));
    expect(parseGmailDate('3 нояб 2026 г., 14:05', 'ru')).toBe(local(2026, 11, 3, 14, 5));
    expect(parseGmailDate('3. marrask. 2026 klo 14.05', 'fi')).toBe(local(2026, 11, 3, 14, 5));
    expect(parseGmailDate('3 Kasım 2026 Salı 14:05', 'tr')).toBe(local(2026, 11, 3, 14, 5));
    expect(parseGmailDate('KAS 3 2026 14:05', 'tr')).toBe(local(2026, 11, 3, 14, 5));
    // A longer abbreviation than the runtime's own ("Sept" for "Sep").
    expect(parseGmailDate('Thu, 3 Sept 2026, 14:05', 'en-GB')).toBe(local(2026, 9, 3, 14, 5));
  });

  it('reads numeric dates in the order of the language', () => {
    expect(parseGmailDate('17.11.2026 14:03')).toBe(local(2026, 11, 17, 14, 3));
    expect(parseGmailDate('17.11.2026 14:03', 'ru')).toBe(local(2026, 11, 17, 14, 3));
    expect(parseGmailDate('2026/11/17 9:14', 'ja')).toBe(local(2026, 11, 17, 9, 14));
    expect(parseGmailDate('2026-11-17 09:14', 'sv')).toBe(local(2026, 11, 17, 9, 14));
    expect(parseGmailDate('2016年5月4日 10:08')).toBe(local(2016, 5, 4, 10, 8));
    expect(parseGmailDate('2016. 5. 4. 오전 10:08')).toBe(local(2016, 5, 4, 10, 8));
    expect(parseGmailDate('2016. 11. 18. 오후 12:39')).toBe(local(2016, 11, 18, 12, 39));
    expect(parseGmailDate('2016. 11. 18. 12:39', 'fi')).toBe(local(2016, 11, 18, 12, 39));
    expect(parseGmailDate('2016년 5월 4일 오전 10:08')).toBe(local(2016, 5, 4, 10, 8));
    // Day and month either way round: the page's language says which.
    expect(parseGmailDate('03/11/2026 14:05', 'fr')).toBe(local(2026, 11, 3, 14, 5));
    expect(parseGmailDate('3.11.2026 14:05', 'de')).toBe(local(2026, 11, 3, 14, 5));
    expect(parseGmailDate('3/11/2026, 2:05 PM', 'en')).toBe(local(2026, 3, 11, 14, 5));
    // ... or the words of the title do.
    expect(parseGmailDate('ti 3.11.2026 klo 14.03')).toBe(local(2026, 11, 3, 14, 3));
    // With neither, or a language that writes dates otherwise, it is not guessed.
    expect(parseGmailDate('03/11/2026 14:05')).toBeNull();
    expect(parseGmailDate('3/11/2026, 2:05 PM')).toBeNull();
    expect(parseGmailDate('3.11.2026 14:05', 'en')).toBeNull();
  });

  it('reads the times Intl writes', () => {
    expect(parseGmailDate('Nov 3, 2026, 12:05 PM', 'en')).toBe(local(2026, 11, 3, 12, 5));
    expect(parseGmailDate('Nov 3, 2026, 12:05 AM', 'en')).toBe(local(2026, 11, 3, 0, 5));
    expect(parseGmailDate('3 nov. 2026, 14 h 05', 'fr-CA')).toBe(local(2026, 11, 3, 14, 5)); // CLDR via Intl (H 'h' mm)
    expect(parseGmailDate('3 nov. 2026, 2 h 05 p.m.', 'fr-CA')).toBe(local(2026, 11, 3, 14, 5)); // CLDR via Intl
    expect(parseGmailDate('3. marraskuuta 2026 klo 2.05 ip.', 'fi')).toBe(
      local(2026, 11, 3, 14, 5),
    ); // CLDR via Intl
    expect(parseGmailDate('3 Kas 2026 Sal ÖS 2:05', 'tr')).toBe(local(2026, 11, 3, 14, 5)); // CLDR via Intl
    expect(parseGmailDate('Τρί 3 Νοε 2026, 2:05 μ.μ.', 'el')).toBe(local(2026, 11, 3, 14, 5)); // CLDR via Intl
    expect(parseGmailDate('mar, 3 nov 2026, 2:05 p. m.', 'es')).toBe(local(2026, 11, 3, 14, 5)); // CLDR via Intl
    expect(parseGmailDate('Tue, Nov 3, 2026, 9:14:30 AM', 'en')).toBe(local(2026, 11, 3, 9, 14));
    expect(parseGmailDate('Tue, Nov 3, 2026', 'en')).toBe(local(2026, 11, 3));
  });

  it('reads digits and scripts beyond ASCII and Latin', () => {
    expect(parseGmailDate('الثلاثاء، ٣ نوفمبر ٢٠٢٦ في ٢:٠٥ م', 'ar')).toBe(
      local(2026, 11, 3, 14, 5),
    ); // CLDR via Intl, Arabic digits
    expect(parseGmailDate('יום ג׳, 3 בנוב׳ 2026, 14:05', 'he')).toBe(local(2026, 11, 3, 14, 5)); // CLDR via Intl
    expect(parseGmailDate('อังคาร 3 พ.ย. 2569 14:05', 'th')).toBe(local(2026, 11, 3, 14, 5)); // CLDR via Intl, Buddhist year
    expect(parseGmailDate('２０２６年１１月３日 １４:０５', 'ja')).toBe(local(2026, 11, 3, 14, 5));
  });

  it('ignores invisible marks and odd spaces', () => {
    expect(parseGmailDate('\u200eTue, Nov 3, 2026, 9:14\u202fAM\u200e', 'en')).toBe(
      local(2026, 11, 3, 9, 14),
    );
    expect(parseGmailDate('\u202bDi.,\u00a03.\u00a0Nov.\u00a02026,\u00a009:14\u202c', 'de')).toBe(
      local(2026, 11, 3, 9, 14),
    );
    expect(parseGmailDate('\u200f3\u200f/11\u200f/2026, 2:05\u00a0PM', 'en')).toBe(
      local(2026, 3, 11, 14, 5),
    );
    expect(parseGmailDate('  ti  17.11.2026   klo 14.03  ', 'fi')).toBe(local(2026, 11, 17, 14, 3));
  });

  it('gives up on what is not a date, or not a real one', () => {
    expect(parseGmailDate('Feb 30, 2026, 9:00 AM', 'en')).toBeNull();
    expect(parseGmailDate('Feb 30, 2026, 9:00 AM')).toBeNull();
    expect(parseGmailDate('30. helmikuuta 2026 klo 9.00', 'fi')).toBeNull();
    expect(parseGmailDate('Nov 3, 2026, 25:10', 'en')).toBeNull();
    expect(parseGmailDate('3.11.2026 14:60', 'de')).toBeNull();
    // 3 November 2026 is a Tuesday.
    expect(parseGmailDate('Wed, Nov 3, 2026, 9:14 AM', 'en')).toBeNull();
    expect(parseGmailDate('Nov 3, 2026, Dec 4', 'en')).toBeNull();
    expect(parseGmailDate('Nov 17', 'en')).toBeNull();
    expect(parseGmailDate('9:14 AM')).toBeNull();
    expect(parseGmailDate('')).toBeNull();
    expect(parseGmailDate('yesterday', 'en')).toBeNull();
    expect(parseGmailDate('Meeting notes 2026')).toBeNull();
    expect(parseGmailDate('Zorp 3 blarg 2026, 9:14')).toBeNull();
    expect(parseGmailDate('12345 2026 3 4 5')).toBeNull();
  });
});

describe('Gmail dates and the time zone', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  // Santiago moves its clocks at midnight; New York skips 2:00-3:00 on 8 March 2026.
  it.each(['UTC', 'Asia/Kolkata', 'America/New_York', 'Pacific/Chatham', 'America/Santiago'])(
    'reads the same wall-clock time in %s',
    (tz) => {
      process.env.TZ = tz;
      for (const [title, language, , [y, m, d, h, min]] of [
        ['Tue, Nov 3, 2026, 9:14 AM', 'en', 0, [2026, 11, 3, 9, 14]],
        ['26 дек. 2019 г., 22:53', 'ru', 0, [2019, 12, 26, 22, 53]],
        ['2016年5月4日 上午10:08', 'zh-CN', 0, [2016, 5, 4, 10, 8]],
        ['ti 17.11.2026 klo 14.03', 'fi', 0, [2026, 11, 17, 14, 3]],
        ['Sun, Mar 8, 2026, 2:30 AM', 'en', 0, [2026, 3, 8, 2, 30]],
        ['Sun, Sep 6, 2026, 12:10 AM', 'en', 0, [2026, 9, 6, 0, 10]],
      ] as [string, string, number, number[]][]) {
        expect(parseGmailDate(title, language)).toBe(new Date(y!, m! - 1, d, h, min).getTime());
      }
    },
  );

  it('follows the zone the machine is set to', () => {
    process.env.TZ = 'Asia/Kolkata';
    const india = parseGmailDate('Tue, Nov 3, 2026, 9:14 AM', 'en');
    process.env.TZ = 'UTC';
    const utc = parseGmailDate('Tue, Nov 3, 2026, 9:14 AM', 'en');
    expect(utc).toBe(Date.UTC(2026, 10, 3, 9, 14));
    expect(india).toBe(Date.UTC(2026, 10, 3, 3, 44));
  });
});
