using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Remap.Engine.Store;

namespace Remap.Engine.Sqlite;

/// <summary>Lets the dotnet-ef tool build the context to create migrations; it never opens the file.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<RemapDbContext>
{
    public RemapDbContext CreateDbContext(string[] args)
    {
        var path = Path.Combine(Path.GetTempPath(), "remap-design-time.db");
        var builder = new DbContextOptionsBuilder<RemapDbContext>();
        builder.UseRemapSqlite(path);
        return new RemapDbContext(builder.Options);
    }
}
