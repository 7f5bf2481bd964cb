package app.wellkeep.consent;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.wellkeep.privacy.ExportSink;
import app.wellkeep.privacy.PersonalData;

/** A patient's sharing choices and their receipts, for export and erasure. */
@ApplicationScoped
public class ConsentPersonalData implements PersonalData {

    @Inject
    ConsentService consent;

    static final List<String> RECEIPT_HEADER = List.of("id", "grant_id", "action", "recorded_at", "recipient",
            "recipient_kind", "categories", "window_kind", "window_from", "window_days", "expires_on",
            "terms_version");

    @Override
    public String section() {
        return "sharing";
    }

    @Override
    public void export(UUID personId, ExportSink sink) {
        // Receipts hold every state each grant has been in, so they are the export of the grants too.
        for (ConsentReceipt r : ConsentReceipt.<ConsentReceipt>list("patientId = ?1 order by recordedAt", personId)) {
            sink.resource(ConsentReceiptResource.fhirConsent(r));
            sink.row("consent_receipt", RECEIPT_HEADER, Arrays.asList(r.id, r.grantId, r.action, r.recordedAt,
                    r.recipientName, r.recipientKind, Category.join(r.terms.categories()), r.terms.window(),
                    r.terms.from(), r.terms.days(), r.terms.expiresOn(), r.terms.version()));
        }
    }

    @Override
    public long erase(UUID personId) {
        // A coach's: the patients' grants to them end, and stay with the patients (see ConsentService.endAllTo).
        consent.endAllTo(Recipient.Kind.COACH, personId);
        return ConsentReceipt.delete("patientId", personId) + ConsentGrant.delete("patientId", personId);
    }
}
