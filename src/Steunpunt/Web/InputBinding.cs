using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Steunpunt.Web;

/// <summary>
/// What a browser can send, made safe before any page sees it. Every bound text loses invisible control characters
/// (a NUL breaks PostgreSQL and the display) and broken surrogates; a checkbox with an unknown value is an error
/// message, not a crash; and every binding message is Dutch. Forms posted as url-encoded text have a NUL taken out
/// before the framework parses them, because the parser refuses the whole form otherwise (see <see cref="FormBodyCleaning"/>).
/// </summary>
public static class InputBinding
{
    public const string UnknownChoice = "Deze keuze kennen we niet. Kies een van de mogelijkheden.";

    public static void Configure(MvcOptions options)
    {
        options.Filters.Add(new UnreadableForm());
        options.ModelBinderProviders.Insert(0, new Provider());
        var m = options.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((_, _) => UnknownChoice);
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => UnknownChoice);
        m.SetUnknownValueIsInvalidAccessor(_ => UnknownChoice);
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => UnknownChoice);
        m.SetValueIsInvalidAccessor(_ => UnknownChoice);
        m.SetValueMustBeANumberAccessor(_ => "Vul een getal in.");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "Vul een getal in.");
        m.SetValueMustNotBeNullAccessor(_ => "Vul dit in.");
        m.SetMissingBindRequiredValueAccessor(_ => "Vul dit in.");
        m.SetMissingKeyOrValueAccessor(() => "Vul dit in.");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "Vul dit in.");
    }

    /// <summary>Keeps what people write (emoji, right-to-left text, line breaks, tabs) and drops what only breaks:
    /// other control characters and lone surrogates.</summary>
    public static string Clean(string value)
    {
        var clean = true;
        for (var i = 0; i < value.Length && clean; i++)
        {
            clean = !Unwanted(value, i);
        }
        if (clean)
        {
            return value;
        }
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (!Unwanted(value, i))
            {
                builder.Append(value[i]);
            }
        }
        return builder.ToString();
    }

    private static bool Unwanted(string s, int i)
    {
        var c = s[i];
        if (char.IsControl(c))
        {
            return c is not ('\n' or '\r' or '\t');
        }
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]);
        }
        return char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(s[i - 1]));
    }

    /// <summary>A form that cannot be parsed at all (too many fields, a value too long) gets the Dutch 400 or 413 page
    /// before binding could show the framework's English message on the form.</summary>
    private sealed class UnreadableForm : Microsoft.AspNetCore.Mvc.Filters.IAsyncResourceFilter
    {
        public async Task OnResourceExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.ResourceExecutingContext context,
            Microsoft.AspNetCore.Mvc.Filters.ResourceExecutionDelegate next)
        {
            var request = context.HttpContext.Request;
            var reExecuted = context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
                || context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null;
            if (request.HasFormContentType && !reExecuted)
            {
                try
                {
                    await request.ReadFormAsync(context.HttpContext.RequestAborted);
                }
                catch (Exception e) when (e is InvalidDataException or IOException)
                {
                    context.Result = new StatusCodeResult(e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                        ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
                    return;
                }
            }
            await next();
        }
    }

    private sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            var type = context.Metadata.ModelType;
            if (type == typeof(string))
            {
                return new TextBinder();
            }
            return type == typeof(bool) || type == typeof(bool?) ? new ChoiceBinder() : null;
        }
    }

    private sealed class TextBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var result = context.ValueProvider.GetValue(context.ModelName);
            if (result == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }
            var value = Clean(result.FirstValue ?? "");
            context.ModelState.SetModelValue(context.ModelName, value, value);
            // Empty stays empty (not null), as the default binder does with ConvertEmptyStringToNull off.
            context.Result = ModelBindingResult.Success(value.Length == 0 && context.ModelMetadata.ConvertEmptyStringToNull ? null : value);
            return Task.CompletedTask;
        }
    }

    /// <summary>A checkbox sends "true" (and the hidden "false"); anything else is a Dutch error, and the box shows
    /// unticked instead of the page failing to draw it.</summary>
    private sealed class ChoiceBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var result = context.ValueProvider.GetValue(context.ModelName);
            if (result == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }
            var raw = (result.FirstValue ?? "").Trim();
            bool? value = raw.ToLowerInvariant() switch
            {
                "true" or "on" => true,
                "false" => false,
                "" => context.ModelType == typeof(bool?) ? null : false,
                _ => null,
            };
            if (value is null && raw.Length > 0)
            {
                context.ModelState.SetModelValue(context.ModelName, false, "false");
                context.ModelState.TryAddModelError(context.ModelName, "Zet een vinkje, of laat het vakje leeg.");
                context.Result = ModelBindingResult.Failed();
                return Task.CompletedTask;
            }
            context.ModelState.SetModelValue(context.ModelName, value, Convert.ToString(value, CultureInfo.InvariantCulture));
            context.Result = ModelBindingResult.Success(value);
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// ASP.NET Core refuses a whole url-encoded form when one value holds a NUL, so the person's text would be lost
/// before any page could clean it. This takes NULs out of such bodies (at most <see cref="RequestFaults.MaxBodyBytes"/>,
/// already enforced) before anything reads them.
/// </summary>
public sealed class FormBodyCleaning(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method)
            && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > RequestFaults.MaxBodyBytes)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return;
                }
                buffer.Write(chunk, 0, read);
            }
            var cleaned = WithoutNul(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            context.Request.Body = new MemoryStream(cleaned, writable: false);
            context.Request.ContentLength = cleaned.Length;
        }
        await next(context);
    }

    /// <summary>Drops "%00" (an encoded NUL) and raw NUL bytes; "%2500" (a literal "%00") stays.</summary>
    internal static byte[] WithoutNul(ReadOnlySpan<byte> body)
    {
        var output = new byte[body.Length];
        var n = 0;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == 0)
            {
                continue;
            }
            if (body[i] == (byte)'%' && i + 2 < body.Length && body[i + 1] == (byte)'0' && body[i + 2] == (byte)'0')
            {
                i += 2;
                continue;
            }
            output[n++] = body[i];
            if (body[i] == (byte)'%' && i + 2 < body.Length)
            {
                // Copy the whole escape, so "%2500" is never read as "%25" + "%00"-like bytes.
                output[n++] = body[++i];
                output[n++] = body[++i];
            }
        }
        return output[..n];
    }
}
