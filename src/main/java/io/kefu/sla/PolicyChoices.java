package io.kefu.sla;

import java.util.List;
import java.util.Locale;

/**
 * The ticket types and channels an SLA policy may be matched on, with the labels the policy screens show. The ticket
 * module owns both and provides this: the SLA module cannot ask it directly, since the ticket module depends on it.
 */
public interface PolicyChoices {

    /** A code as policies store it, and its label in the viewer's language. */
    record Choice(String code, String label) {
    }

    List<Choice> ticketTypes(Locale locale);

    List<Choice> channels(Locale locale);
}
