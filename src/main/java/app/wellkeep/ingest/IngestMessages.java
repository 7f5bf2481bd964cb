package app.wellkeep.ingest;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the import pages and of import problems; in {@code messages/ingest_<locale>.properties}. */
@MessageBundle(value = "ingest", locale = "en")
public interface IngestMessages {

    @Message
    String importsTitle();

    @Message
    String importsLead();

    @Message
    String formatsHeading();

    @Message
    String formatName(String format);

    @Message
    String formatHowTo(String format);

    @Message
    String templateLink();

    @Message
    String uploadHeading();

    @Message
    String fileLabel();

    @Message
    String fileHint(String size);

    @Message
    String noFile();

    @Message
    String uploadSubmit();

    @Message
    String uploadProgressLabel();

    @Message
    String uploadProgress(String percent, String sent, String total);

    @Message
    String uploadStarting();

    @Message
    String uploadFailed();

    @Message
    String historyHeading();

    @Message
    String historyEmpty();

    @Message
    String historyCaption();

    @Message
    String column(String key);

    @Message
    String status(String status);

    @Message
    String openImport(String file, String date);

    @Message
    String importTitle(String file);

    @Message
    String importUploaded(String date, String size);

    @Message
    String importQueued();

    @Message
    String importWorking();

    @Message
    String processingLabel();

    @Message
    String processingProgress(int percent, String entries);

    @Message
    String refresh();

    @Message
    String importDone(String added);

    @Message
    String importFailed();

    @Message
    String problem(String problem, String size);

    @Message
    String problemNext();

    @Message
    String countsHeading();

    @Message
    String countsCaption(String file);

    @Message
    String countAdded();

    @Message
    String countAddedHint();

    @Message
    String countDuplicates();

    @Message
    String countDuplicatesHint();

    @Message
    String countRepeated();

    @Message
    String countRepeatedHint();

    @Message
    String countRejected();

    @Message
    String countRejectedHint();

    @Message
    String countSkipped();

    @Message
    String countSkippedHint();

    @Message
    String rejection(String reason);

    @Message
    String rejectedHeading();

    @Message
    String rejectedCaption();

    @Message
    String skippedHeading();

    @Message
    String skippedCaption();

    @Message
    String filesSkippedHeading();

    @Message
    String filesSkippedCaption();

    @Message
    String downloadRejected();

    @Message
    String rejectedKept(String kept, String total);

    @Message
    String position(String kind, long number);

    @Message
    String deleteLink();

    @Message
    String deleteTitle();

    @Message
    String deleteText(String added, String file);

    @Message
    String deleteConfirm();

    @Message
    String deleteCancel();

    @Message
    String deleted();

    @Message
    String deleteBusy();

    @Message
    String backToImports();

    @Message
    String bringIn();
}
