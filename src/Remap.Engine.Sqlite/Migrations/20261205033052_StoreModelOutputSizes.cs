using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Remap.Engine.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StoreModelOutputSizes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OutputSizes",
                table: "models",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OutputSizes",
                table: "models");
        }
    }
}
