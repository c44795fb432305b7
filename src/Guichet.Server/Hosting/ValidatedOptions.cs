using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Hosting;

public static class ValidatedOptions
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to its section and validates it on start, like every options class; and returns it,
    /// already validated, for the registrations that must read it before the host starts (the database provider, the key
    /// ring's folder). Either way a wrong value stops the start with the setting's name.
    /// </summary>
    public static T AddValidatedOptions<T, TValidator>(this WebApplicationBuilder builder, string section)
        where T : class, new()
        where TValidator : class, IValidateOptions<T>, new()
    {
        builder.Services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, TValidator>());
        var value = builder.Configuration.GetSection(section).Get<T>() ?? new T();
        var result = new TValidator().Validate(Options.DefaultName, value);
        return result.Failed ? throw new OptionsValidationException(Options.DefaultName, typeof(T), result.Failures) : value;
    }
}
