using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;

namespace Steunpunt.Stories;

public static class StoriesData
{
    extension(SteunpuntDb db)
    {
        public DbSet<Story> Stories => db.Set<Story>();
    }
}
