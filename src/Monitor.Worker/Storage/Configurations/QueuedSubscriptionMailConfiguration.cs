using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Storage.Configurations;

internal sealed class QueuedSubscriptionMailConfiguration : IEntityTypeConfiguration<QueuedSubscriptionMail>
{
    public void Configure(EntityTypeBuilder<QueuedSubscriptionMail> builder)
    {
        builder.ToTable("SubscriptionMailQueue");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Template).HasMaxLength(16).IsUnicode(false);
        // The queue holds only unsent mails; the subscriber's rows go with the subscriber.
        builder.HasOne<Subscriber>().WithMany().HasForeignKey(m => m.SubscriberId).OnDelete(DeleteBehavior.Cascade);
    }
}
