using Microsoft.EntityFrameworkCore.Migrations;

namespace Monitor.Worker.Storage.Migrations;

/// <summary>
/// The data step of the move of subscribers into the database (migration "Subscribers", both providers): every address
/// in the delivery ledger becomes a subscriber row (unsubscribed, following configuration, so the import at start
/// re-activates exactly those still configured), ledger rows and items are re-keyed on the subscriber id, and failed
/// deliveries whose items were released become given up. Runs after the new columns exist and before the old ones go;
/// each statement is idempotent, so a regenerated migration can call it again.
/// </summary>
internal static class LedgerSubscriberMigration
{
    public static void Up(MigrationBuilder migrationBuilder, bool sqlServer)
    {
        var stamp = sqlServer
            ? "LOWER(CONVERT(varchar(32), HASHBYTES('MD5', CAST(NEWID() AS varchar(36))), 2))"
            : "lower(hex(randomblob(16)))";
        migrationBuilder.Sql($"""
            INSERT INTO Subscribers (Email, EmailKey, Status, Topics, Countries, Languages, Frequency, SendHour, TimeZone, Origin,
                ManagedByConfiguration, CreatedAt, UpdatedAt, TokenStamp, ConsecutiveBounces)
            SELECT k.SubscriberKey, k.SubscriberKey, 'Unsubscribed', '', '', '', 'Daily', 7, 'UTC', 'Ledger', 1, k.FirstAt, k.FirstAt, {stamp}, 0
            FROM (SELECT SubscriberKey, MIN(CreatedAt) AS FirstAt FROM DigestDeliveries GROUP BY SubscriberKey) k
            WHERE NOT EXISTS (SELECT 1 FROM Subscribers s WHERE s.EmailKey = k.SubscriberKey);
            """);
        migrationBuilder.Sql("""
            UPDATE DigestDeliveries SET SubscriberId = (SELECT s.Id FROM Subscribers s WHERE s.EmailKey = DigestDeliveries.SubscriberKey)
            WHERE SubscriberId = 0;
            """);
        migrationBuilder.Sql("""
            UPDATE DigestDeliveryItems SET SubscriberId = (SELECT d.SubscriberId FROM DigestDeliveries d WHERE d.Id = DigestDeliveryItems.DeliveryId)
            WHERE SubscriberId = 0;
            """);
        migrationBuilder.Sql("""
            UPDATE DigestDeliveries SET State = 3
            WHERE State = 2 AND NOT EXISTS (SELECT 1 FROM DigestDeliveryItems i WHERE i.DeliveryId = DigestDeliveries.Id);
            """);
    }
}
