using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace MassCampaign.Testing;

/// <summary>An import body of many distinct recipients, all in one time zone, as an operator's CSV export would be.</summary>
public static class RecipientCsv
{
    public static ByteArrayContent Build(int count, string timeZone)
    {
        var csv = new StringBuilder(count * 40);
        csv.Append("phone,first_name,timezone\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append(TestPhoneNumbers.Us(i)).Append(",Guest").Append(i.ToString(CultureInfo.InvariantCulture)).Append(',').Append(timeZone).Append('\n');
        }

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        return content;
    }
}
