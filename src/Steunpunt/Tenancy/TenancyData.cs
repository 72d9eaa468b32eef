using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;

namespace Steunpunt.Tenancy;

public static class TenancyData
{
    extension(SteunpuntDb db)
    {
        public DbSet<Tenant> Tenants => db.Set<Tenant>();
        public DbSet<School> Schools => db.Set<School>();
        public DbSet<ServedGemeente> ServedGemeenten => db.Set<ServedGemeente>();
    }
}
