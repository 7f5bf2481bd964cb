package app.wellkeep.privacy;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the data-rights pages (export, erasure); in {@code messages/privacy_<locale>.properties}. */
@MessageBundle(value = "privacy", locale = "en")
public interface PrivacyMessages {

    @Message
    String privacyTitle();

    @Message
    String privacyLead();

    @Message
    String exportHeading();

    @Message
    String exportText();

    @Message
    String exportFormatLegend();

    @Message
    String formatName(String format);

    @Message
    String formatHint(String format);

    @Message
    String exportFormatInvalid();

    @Message
    String exportSubmit();

    @Message
    String exportsHeading();

    @Message
    String exportsCaption();

    @Message
    String columnRequested();

    @Message
    String columnFormat();

    @Message
    String columnStatus();

    @Message
    String status(String status);

    @Message
    String exportOpen(String requested);

    @Message
    String exportTitle();

    @Message
    String exportProgressLabel();

    @Message
    String exportProgress(int done, int total);

    @Message
    String exportWorking();

    @Message
    String exportRefresh();

    @Message
    String exportReady(String expires);

    @Message
    String exportDownload(String fileName);

    @Message
    String exportFailed();

    @Message
    String exportBack();

    @Message
    String eraseHeading();

    @Message
    String eraseText();

    @Message
    String eraseLink();

    @Message
    String eraseTitle();

    @Message
    String eraseLead();

    @Message
    String eraseWhatHeading();

    @Message
    String eraseData();

    @Message
    String eraseAccessLog();

    @Message
    String eraseSignIn();

    @Message
    String eraseCopyFirst();

    @Message
    String eraseCopyLink();

    @Message
    String eraseConfirmWord();

    @Message
    String eraseConfirmLabel(String word);

    @Message
    String eraseConfirmHint();

    @Message
    String eraseWrongWord(String word);

    @Message
    String eraseSubmit();

    @Message
    String eraseKeep();

    @Message
    String erasedTitle();

    @Message
    String erasedText();

    @Message
    String erasedSignInPending();

    @Message
    String erasedHome();

    @Message
    String profileDataHeading();

    @Message
    String profileDataText();

    @Message
    String profileDataLink();
}
