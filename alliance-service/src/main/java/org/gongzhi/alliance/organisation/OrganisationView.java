package org.gongzhi.alliance.organisation;

import java.time.LocalTime;
import java.util.List;
import org.gongzhi.events.OrganisationType;

/** A member organisation as the API shows it. */
public record OrganisationView(String id, String name, String nameEn, OrganisationType type, List<String> buildings,
        List<String> categories, List<ContactView> contacts, List<ShiftView> rota) {

    public record ContactView(String name, String role, String phone) {
    }

    public record ShiftView(int dayOfWeek, LocalTime starts, LocalTime ends, String contact, String backup) {
    }

    static OrganisationView of(Organisation o, List<Contact> contacts, List<DutyShift> rota) {
        return new OrganisationView(o.id, o.name, o.nameEn, o.type, o.buildings, o.categories,
                contacts.stream().map(c -> new ContactView(c.name, c.role, c.phone)).toList(),
                rota.stream().map(s -> new ShiftView(s.dayOfWeek, s.starts, s.ends, s.contact, s.backup)).toList());
    }
}
