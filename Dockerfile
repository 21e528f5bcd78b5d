# MassCampaign.Host as a container image: `docker build -t masscampaign-host .` here, or `az acr build` (docs/deploy.md).
# The host listens on 8080 for HTTP; 11111 and 30000 are its Orleans silo and gateway ports, for peer replicas only.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Project files first, so the restore layer is reused while only code changes.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/MassCampaign.Domain/MassCampaign.Domain.csproj src/MassCampaign.Domain/
COPY src/MassCampaign.Data/MassCampaign.Data.csproj src/MassCampaign.Data/
COPY src/MassCampaign.Vonage/MassCampaign.Vonage.csproj src/MassCampaign.Vonage/
COPY src/MassCampaign.Workflows/MassCampaign.Workflows.csproj src/MassCampaign.Workflows/
COPY src/MassCampaign.Host/MassCampaign.Host.csproj src/MassCampaign.Host/
RUN dotnet restore src/MassCampaign.Host/MassCampaign.Host.csproj
COPY host.json ./
COPY database/ database/
COPY src/ src/
RUN dotnet publish src/MassCampaign.Host/MassCampaign.Host.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# Without an address the host binds 127.0.0.1:7071, for development; in a container it serves every interface.
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080 11111 30000
# The image's unprivileged "app" user.
USER $APP_UID
ENTRYPOINT ["dotnet", "MassCampaign.Host.dll"]
