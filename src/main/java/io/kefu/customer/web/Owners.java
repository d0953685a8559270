package io.kefu.customer.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import io.kefu.identity.StaffDirectory;
import io.kefu.identity.StaffDirectory.StaffSummary;
import org.springframework.stereotype.Component;

/** The staff behind customers' owner ids: their names, and the people a customer can be given to. */
@Component
class Owners {

    private final StaffDirectory staff;

    Owners(StaffDirectory staff) {
        this.staff = staff;
    }

    String nameOf(Long ownerId) {
        return ownerId == null ? null
                : staff.find(ownerId).map(StaffSummary::displayName).orElse("#" + ownerId);
    }

    Map<Long, String> namesOf(Stream<Long> ownerIds) {
        Map<Long, String> names = new HashMap<>();
        ownerIds.filter(Objects::nonNull).distinct().forEach(id -> names.put(id, nameOf(id)));
        return names;
    }

    /** Everyone who may hold customers, disabled staff too: a leaver's customers are handed over after she left. */
    List<StaffSummary> everyone() {
        return staff.everyone();
    }

    /** Active staff, and the current owner even if she was disabled since, so that saving does not drop her. */
    List<StaffSummary> choices(Long currentOwnerId) {
        List<StaffSummary> choices = new ArrayList<>(staff.active());
        if (currentOwnerId != null && choices.stream().noneMatch(s -> s.id() == currentOwnerId)) {
            staff.find(currentOwnerId).ifPresent(choices::add);
        }
        return choices;
    }
}
