using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Steunpunt.Tenancy;

/// <summary>
/// Pages that only a steunpunt has (asking, telling, its own pages and their editing): on the national site they do
/// not exist. A feature marks its folders or pages once, where it maps its routes, instead of each handler checking.
/// </summary>
public sealed class SteunpuntOnlyFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.RequestServices.GetRequiredService<CurrentTenant>().IsNational)
        {
            context.Result = new Microsoft.AspNetCore.Mvc.NotFoundResult();
            return;
        }
        await next();
    }
}

/// <summary>The opposite: pages of the national layer (the information set in parts) that no steunpunt has.</summary>
public sealed class NationalOnlyFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!context.HttpContext.RequestServices.GetRequiredService<CurrentTenant>().IsNational)
        {
            context.Result = new Microsoft.AspNetCore.Mvc.NotFoundResult();
            return;
        }
        await next();
    }
}

public static class SteunpuntOnlyConventions
{
    private static readonly SteunpuntOnlyFilter s_filter = new();
    private static readonly NationalOnlyFilter s_national = new();

    /// <summary>Every page in the folder answers 404 on a steunpunt's site.</summary>
    public static PageConventionCollection NationalOnlyFolder(this PageConventionCollection conventions, string folder)
    {
        conventions.AddFolderApplicationModelConvention(folder, model => model.Filters.Add(s_national));
        return conventions;
    }

    /// <summary>Every page in the folder answers 404 on the national site.</summary>
    public static PageConventionCollection SteunpuntOnlyFolder(this PageConventionCollection conventions, string folder)
    {
        conventions.AddFolderApplicationModelConvention(folder, model => model.Filters.Add(s_filter));
        return conventions;
    }

    /// <summary>The page answers 404 on the national site.</summary>
    public static PageConventionCollection SteunpuntOnlyPage(this PageConventionCollection conventions, string page)
    {
        conventions.AddPageApplicationModelConvention(page, model => model.Filters.Add(s_filter));
        return conventions;
    }
}
