namespace ConcernBot;

internal static class ServiceCollectionDecoration
{
    /// <summary>Replaces the last singleton registered for <typeparamref name="TService"/> with a wrapper around it.</summary>
    public static IServiceCollection Decorate<TService>(this IServiceCollection services, Func<IServiceProvider, TService, TService> decorate)
        where TService : class
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(TService) && !d.IsKeyedService)
            ?? throw new InvalidOperationException($"Register {typeof(TService).Name} before wrapping it.");
        services.Remove(registered);
        services.AddSingleton(sp => decorate(
            sp,
            registered.ImplementationFactory?.Invoke(sp) as TService
                ?? registered.ImplementationInstance as TService
                ?? (TService)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)));
        return services;
    }
}
