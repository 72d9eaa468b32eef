using System.ComponentModel.DataAnnotations;

namespace Steunpunt.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (embedded default) or Postgres (scale-out).</summary>
    [RegularExpression("^(Sqlite|Postgres)$")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Apply migrations when the app starts. On for the embedded install; a scaled-out
    /// PostgreSQL deployment may run a migrations bundle instead.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
