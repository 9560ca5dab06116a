package org.safeguarding.backbone.transitions.transfer.process;

import java.time.Instant;
import java.util.Map;
import org.safeguarding.backbone.kernel.agency.AgencyKind;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.kernel.calendar.SchoolCalendar;
import org.safeguarding.backbone.kernel.calendar.WorkingDayCalendar;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * When the joining agency must acknowledge a transfer package (R12): a school within
 * {@code backbone.transitions.package.school-days} school days (5: the child protection file's deadline), counted
 * in the time it is open; any other kind within its working days in {@code working-days} (by kind, e.g.
 * {@code CHILDRENS_SOCIAL_CARE: 5} for a move between local authorities), or {@code default-working-days}.
 */
@Component
@EnableConfigurationProperties(PackageDeadlines.Settings.class)
public class PackageDeadlines {

    @ConfigurationProperties("backbone.transitions.package")
    public record Settings(int schoolDays, int defaultWorkingDays, Map<AgencyKind, Integer> workingDays) {
        public Settings {
            workingDays = workingDays == null ? Map.of() : Map.copyOf(workingDays);
            if (schoolDays < 1 || defaultWorkingDays < 1 || workingDays.values().stream().anyMatch(d -> d < 1)) {
                throw new IllegalArgumentException("backbone.transitions.package: school-days, default-working-days "
                        + "and each working-days entry must be 1 or more");
            }
        }
    }

    private final Settings settings;
    private final KnownAgencies agencies;
    private final SchoolCalendar schools;
    private final WorkingDayCalendar calendar;

    PackageDeadlines(Settings settings, KnownAgencies agencies, SchoolCalendar schools, WorkingDayCalendar calendar) {
        this.settings = settings;
        this.agencies = agencies;
        this.schools = schools;
        this.calendar = calendar;
    }

    /** When {@code joiningAgency} must have acknowledged a package sent at {@code sentAt}. */
    public Instant acknowledgeBy(String joiningAgency, Instant sentAt) {
        AgencyKind kind = agencies.kindOf(joiningAgency).orElse(null);
        if (kind == AgencyKind.SCHOOL) {
            return schools.plusOpenTime(sentAt, schools.schoolDay().multipliedBy(settings.schoolDays()));
        }
        return calendar.plusWorkingDays(sentAt, settings.workingDays().getOrDefault(kind,
                settings.defaultWorkingDays()));
    }
}
