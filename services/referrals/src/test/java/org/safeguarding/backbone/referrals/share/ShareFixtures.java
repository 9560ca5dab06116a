package org.safeguarding.backbone.referrals.share;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.safeguarding.backbone.kernel.agency.AgencyKind;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.kernel.calendar.SchoolCalendar;
import org.safeguarding.backbone.kernel.calendar.WorkingDayCalendar;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageChecker;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ShareInformation;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Category;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Channel;
import org.safeguarding.backbone.referrals.share.api.ShareContent.ChildVoice;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Consent;
import org.safeguarding.backbone.referrals.share.api.ShareContent.ConsentStatus;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Details;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Principle;
import org.safeguarding.backbone.referrals.share.api.ShareContent.PrincipleAttestation;
import org.safeguarding.backbone.referrals.share.api.ShareContent.RelatedPerson;
import org.safeguarding.backbone.referrals.share.api.ShareContent.RelatedPersonRole;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Statement;
import org.safeguarding.backbone.referrals.share.api.ShareContent.StatementCurrency;
import org.safeguarding.backbone.referrals.share.api.ShareContent.StatementKind;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Urgency;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Verification;
import org.safeguarding.backbone.referrals.share.command.ShareDeadlines;

/** A complete, valid share (synthetic), and variations of it, for the tests of the share's rules and API. */
public final class ShareFixtures {

    public static final String CHILD = "9990000018";

    /** Friday 20 November 2026, 09:15 in London. */
    public static final Instant FRIDAY = Instant.parse("2026-11-20T09:15:00Z");

    private ShareFixtures() {
    }

    public static WorkingDayCalendar calendar() {
        return WorkingDayCalendar.fromBankHolidays(ShareFixtures.class.getResourceAsStream(
                "/calendar/england-and-wales-bank-holidays.csv"), "shipped file", ZoneId.of("Europe/London"));
    }

    /** The shipped example term dates; schools open 08:30 to 15:30. */
    public static SchoolCalendar schools() {
        return SchoolCalendar.fromTermDates(ShareFixtures.class.getResourceAsStream(
                "/calendar/school-terms-example.csv"), "shipped example", calendar(), LocalTime.of(8, 30),
                LocalTime.of(15, 30));
    }

    /** The synthetic agencies, with their kinds (school-a and school-b are schools). */
    public static KnownAgencies agencies() {
        return new KnownAgencies(Map.of(
                "school-a", new KnownAgencies.Agency("School A (synthetic)", AgencyKind.SCHOOL, "area-a"),
                "school-b", new KnownAgencies.Agency("School B (synthetic)", AgencyKind.SCHOOL, "area-a"),
                "csc-a", new KnownAgencies.Agency("CSC A (synthetic)", AgencyKind.CHILDRENS_SOCIAL_CARE, "area-a"),
                "gp-a", new KnownAgencies.Agency("GP A (synthetic)", AgencyKind.GP, "area-a"),
                "police-a", new KnownAgencies.Agency("Police A (synthetic)", AgencyKind.POLICE, "area-a")), "test");
    }

    public static ShareDeadlines deadlines() {
        return new ShareDeadlines(calendar(), schools(), agencies(), Duration.ofHours(1), Duration.ofHours(4), 1, 1);
    }

    public static PlainLanguageChecker plainLanguage() {
        return PlainLanguageChecker.fromGlossary(ShareFixtures.class.getResourceAsStream(
                "/glossary/safeguarding-glossary.csv"), "shipped glossary", java.util.Set.of("NHS", "GP"));
    }

    public static Consent consentGiven() {
        return new Consent(ConsentStatus.GIVEN, "Parent agreed at a meeting on 19 November", null, true, null, null);
    }

    public static List<PrincipleAttestation> allPrinciplesAttested() {
        return Arrays.stream(Principle.values()).map(p -> new PrincipleAttestation(p, true, null)).toList();
    }

    public static Statement fact(String text) {
        return new Statement(text, StatementKind.FACT, StatementCurrency.CURRENT, null, "School attendance register",
                Verification.VERIFIED, "Attendance officer");
    }

    public static ChildVoice childVoice() {
        return new ChildVoice("Wants to stay at this school", "I don't like going home on Fridays",
                "In a one-to-one with the class teacher", "Said unprompted during a reading session", null);
    }

    public static Details details(Consent consent, List<PrincipleAttestation> principles, ChildVoice voice,
                                  Urgency urgency, Channel channel) {
        return new Details("A. Teacher (synthetic)", "Designated safeguarding lead", Map.of("csc-a", "Front door team"),
                Map.of("school-a-records", "S-0001"),
                List.of(new RelatedPerson("Parent One (synthetic)", RelatedPersonRole.PARENT_OR_CARER, "mother")),
                "Children Act 1989 s.47; UK GDPR Art. 6(1)(e)", Category.EXPOSURE_TO_HARM, consent, principles,
                voice, urgency, channel);
    }

    public static Details details() {
        return details(consentGiven(), allPrinciplesAttested(), childVoice(), Urgency.ROUTINE, Channel.WRITTEN);
    }

    public static ShareInformation share(String shareId, Details details, List<Statement> statements) {
        return new ShareInformation(shareId, CHILD, "school-a", List.of("csc-a", "gp-a"),
                "Concern about repeated unexplained absences", statements, details, FRIDAY);
    }

    public static ShareInformation share(String shareId, Details details) {
        return share(shareId, details, List.of(fact("Absent 6 of the last 10 school days")));
    }
}
