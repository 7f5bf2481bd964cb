package app.wellkeep.ingest.device;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A reading a device sent, by the id the device gave it (as Health Connect's clientRecordId): sending it again is
 * known for what it is, and the same id for another reading is refused. The fingerprint stands for the reading's
 * content, so nothing of the reading itself is kept here.
 */
@Entity
@IdClass(DeviceReading.Key.class)
@Table(name = "device_reading")
public class DeviceReading extends PanacheEntityBase {

    public static class Key implements Serializable {

        public UUID personId;
        public String device;
        public String clientId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(personId, k.personId) && Objects.equals(device, k.device)
                    && Objects.equals(clientId, k.clientId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(personId, device, clientId);
        }
    }

    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Id
    @Column(length = 100)
    public String device;

    @Id
    @Column(name = "client_id", length = 100)
    public String clientId;

    @Column(nullable = false, length = 64)
    public String fingerprint;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
