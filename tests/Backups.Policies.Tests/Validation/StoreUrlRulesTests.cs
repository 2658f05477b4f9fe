using Backups.Policies.Validation;

namespace Backups.Policies.Tests.Validation;

public class StoreUrlRulesTests
{
    [Theory]
    [InlineData("s3://vacols-backups")]
    [InlineData("s3://vacols-backups/")]
    [InlineData("s3://vacols.backups-2/hourly/vacols")]
    [InlineData("file:///var/lib/backups/vacols")]
    [InlineData("/var/lib/backups/vacols")]
    [InlineData(".backups/store")]
    [InlineData("backups")]
    public void Valid_stores_are_accepted(string store)
    {
        StoreUrlRules.Check(store, hasUnresolvedReferences: false).ShouldBeNull();
    }

    [Theory]
    [InlineData("s3://${BACKUP_BUCKET}/vacols")]
    [InlineData("s3://vacols-${STAGE}/vacols")]
    [InlineData("file://${BACKUP_DIR}")]
    [InlineData("${BACKUP_STORE}")]
    public void With_unresolved_references_only_the_form_is_checked(string store)
    {
        StoreUrlRules.Check(store, hasUnresolvedReferences: true).ShouldBeNull();
    }

    [Theory]
    [InlineData("", "store is empty (use s3://bucket/prefix, file:///absolute/path or a plain path)")]
    [InlineData(" s3://vacols-backups", "store has leading or trailing spaces")]
    [InlineData("s3://192.168.10.20/x", "bad S3 bucket name '192.168.10.20': must not look like an IP address")]
    [InlineData("s3://-vacols/x", "bad S3 bucket name '-vacols': must begin and end with a letter or digit")]
    [InlineData("s3://vacols..backups/x", "bad S3 bucket name 'vacols..backups': no two periods in a row, and no period next to a hyphen")]
    [InlineData("s3://xn--vacols/x", "bad S3 bucket name 'xn--vacols': must not begin with 'xn--' or 'sthree-'")]
    [InlineData("s3://vacols-s3alias/x", "bad S3 bucket name 'vacols-s3alias': must not end with '-s3alias' (reserved by S3)")]
    [InlineData("s3://vacols-backups/a/../b", "S3 prefix 'a/../b' has a '.' or '..' segment")]
    [InlineData("s3://vacols-backups/a b?", "S3 prefix 'a b?' has characters that need special handling in object keys (use letters, digits and !-_.*'()/ )")]
    [InlineData("file:///", "file:/// names the root directory; give a directory for the store")]
    [InlineData("file:/var/lib/backups", "'file:/' is not a store scheme: write file:// with two slashes")]
    [InlineData("file:///var/lib/backups?x=1", "file URLs cannot have a query or fragment ('?' or '#')")]
    [InlineData("backups:2024", "unknown store scheme 'backups:' (use s3://bucket/prefix, file:///absolute/path or a plain path)")]
    public void Invalid_stores_say_what_is_wrong(string store, string message)
    {
        StoreUrlRules.Check(store, hasUnresolvedReferences: false).ShouldBe(message);
    }
}
