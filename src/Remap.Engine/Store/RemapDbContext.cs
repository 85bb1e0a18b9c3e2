using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Remap.Engine.Store;

/// <summary>
/// The Remap store. Provider-agnostic: the SQLite setup and migrations live in Remap.Engine.Sqlite,
/// and another provider can be added beside it.
/// </summary>
public sealed class RemapDbContext(DbContextOptions<RemapDbContext> options) : DbContext(options)
{
    public DbSet<ModelEntity> Models => Set<ModelEntity>();

    public DbSet<JobEntity> Jobs => Set<JobEntity>();

    public DbSet<RunEntity> Runs => Set<RunEntity>();

    public DbSet<JobEventEntity> JobEvents => Set<JobEventEntity>();

    public DbSet<LandmarkEntity> Landmarks => Set<LandmarkEntity>();

    public DbSet<LandmarkDistancesEntity> LandmarkDistances => Set<LandmarkDistancesEntity>();

    public DbSet<ProjectionEntity> Projections => Set<ProjectionEntity>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC; some providers read DateTime back without a kind.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ModelEntity>(model =>
        {
            model.ToTable("models");
            model.Property(m => m.Name).HasMaxLength(200);
            model.Property(m => m.ArchitectureHash).HasMaxLength(64);
            model.Property(m => m.TrainingHash).HasMaxLength(64);
            model.Property(m => m.DatasetName).HasMaxLength(200);
            model.Property(m => m.InputShape).HasMaxLength(64);
            model.Property(m => m.Status).HasMaxLength(32);
            model.HasIndex(m => new { m.ArchitectureHash, m.DatasetName, m.TrainingHash });
            model.HasIndex(m => m.ParentId);
            model.HasOne(m => m.Parent).WithMany().HasForeignKey(m => m.ParentId).OnDelete(DeleteBehavior.Restrict);
            model.HasMany(m => m.Jobs).WithOne(j => j.Model).HasForeignKey(j => j.ModelId);
            model.HasMany(m => m.Runs).WithOne(r => r.Model).HasForeignKey(r => r.ModelId);
        });

        modelBuilder.Entity<JobEntity>(job =>
        {
            job.ToTable("jobs");
            job.Property(j => j.State).HasMaxLength(32);
            job.Property(j => j.LeaseOwner).HasMaxLength(200);
            job.HasIndex(j => new { j.State, j.Priority, j.Id });

            // Database defaults give rows from before these columns a valid value: one repeat, no metrics yet.
            job.Property(j => j.Repeats).HasDefaultValue(1);
            job.Property(j => j.EpochMetricsJson).HasDefaultValue("[]");
        });

        modelBuilder.Entity<RunEntity>(run =>
        {
            run.ToTable("runs");
            run.HasIndex(r => new { r.JobId, r.Seed }).IsUnique();
            run.Property(r => r.StopReason).HasMaxLength(32).HasDefaultValue(RunStopReasons.Completed);
        });

        modelBuilder.Entity<JobEventEntity>(item =>
        {
            // No foreign keys: an event outlives nothing, and a worker must be able to write one without reading its job.
            item.ToTable("job_events");
            item.Property(e => e.Type).HasMaxLength(32);
            item.HasIndex(e => e.Time);
        });

        modelBuilder.Entity<LandmarkEntity>(landmark =>
        {
            landmark.ToTable("landmarks");
            landmark.Property(l => l.DatasetName).HasMaxLength(200);
            landmark.HasIndex(l => new { l.DatasetName, l.Ordinal }).IsUnique();
            landmark.HasIndex(l => l.ModelId).IsUnique();
            landmark.HasOne<ModelEntity>().WithMany().HasForeignKey(l => l.ModelId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<LandmarkDistancesEntity>(distances =>
        {
            distances.ToTable("landmark_distances");
            distances.HasKey(d => d.ModelId);
            distances.HasOne<ModelEntity>().WithOne().HasForeignKey<LandmarkDistancesEntity>(d => d.ModelId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ProjectionEntity>(projection =>
        {
            projection.ToTable("projections");
            projection.Property(p => p.DatasetName).HasMaxLength(200);
            projection.Property(p => p.Kind).HasMaxLength(32);
            projection.Property(p => p.Method).HasMaxLength(32);
            projection.HasIndex(p => new { p.DatasetName, p.Kind, p.Method }).IsUnique();
        });
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
