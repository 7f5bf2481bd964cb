package app.wellkeep.ingest.fhir;

import java.util.HashMap;
import java.util.Map;

import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Device.DeviceDeviceNameComponent;
import org.hl7.fhir.r4.model.Device.DeviceNameType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;

/**
 * Names the device that measured an Observation, for the reading's {@code source}: the reference's own display
 * text, else the name of the Device it points to when that is contained in the Observation or came earlier in the
 * same file (a transaction Bundle lists the Device before the Observations that cite it, by {@code fullUrl} or as
 * {@code Device/id}), else {@link #FALLBACK}. A Device listed after its Observations is not looked ahead for: the
 * file is read in one pass.
 */
final class DeviceNames {

    static final String FALLBACK = "FHIR import";

    /** Far more devices than one person's export cites; beyond it later ones go unnamed rather than use memory. */
    private static final int MAX_REMEMBERED = 1000;
    private static final int MAX_NAME = 100;

    private final Map<String, String> byReference = new HashMap<>();

    /** Keeps the name of a Device met in the file under the references that can point at it. */
    void remember(Device device, String fullUrl) {
        String name = name(device);
        if (name == null || byReference.size() >= MAX_REMEMBERED) {
            return;
        }
        if (fullUrl != null && !fullUrl.isBlank()) {
            byReference.put(fullUrl.strip(), name);
        }
        if (device.getIdElement().hasIdPart()) {
            byReference.put("Device/" + device.getIdElement().getIdPart(), name);
        }
    }

    String source(Observation observation) {
        Reference device = observation.getDevice();
        String name = null;
        if (device.hasDisplay()) {
            name = clean(device.getDisplay());
        }
        if (name == null && device.getResource() instanceof Device contained) {
            name = name(contained);
        }
        if (name == null && device.hasReference()) {
            name = lookUp(device.getReference().strip());
        }
        return name == null ? FALLBACK : name;
    }

    private String lookUp(String reference) {
        String name = byReference.get(reference);
        if (name != null) {
            return name;
        }
        IdType id = new IdType(reference);
        return "Device".equals(id.getResourceType()) && id.hasIdPart()
                ? byReference.get("Device/" + id.getIdPart())
                : null;
    }

    /** The user-friendly name if the Device has one, else its first name, its type, or its maker and model. */
    static String name(Device device) {
        String first = null;
        for (DeviceDeviceNameComponent deviceName : device.getDeviceName()) {
            String name = clean(deviceName.getName());
            if (name != null && deviceName.getType() == DeviceNameType.USERFRIENDLYNAME) {
                return name;
            }
            first = first == null ? name : first;
        }
        if (first != null) {
            return first;
        }
        String type = clean(device.getType().getText());
        if (type == null && device.getType().hasCoding()) {
            type = clean(device.getType().getCodingFirstRep().getDisplay());
        }
        if (type != null) {
            return type;
        }
        return clean((device.hasManufacturer() ? device.getManufacturer() : "") + " "
                + (device.hasModelNumber() ? device.getModelNumber() : ""));
    }

    static String clean(String text) {
        return clean(text, MAX_NAME);
    }

    /** One line of at most {@code max} characters, or null when nothing is left. */
    static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        String line = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (line.codePointCount(0, line.length()) > max) {
            line = line.substring(0, line.offsetByCodePoints(0, max)).strip();
        }
        return line.isEmpty() ? null : line;
    }
}
