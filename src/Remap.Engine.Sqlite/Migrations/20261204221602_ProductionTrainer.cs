using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Remap.Engine.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProductionTrainer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_runs_JobId",
                table: "runs");

            migrationBuilder.AddColumn<int>(
                name: "ResumedFromEpoch",
                table: "runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "StopReason",
                table: "runs",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "completed");

            migrationBuilder.AddColumn<int>(
                name: "WarmStartedLayers",
                table: "runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RunCount",
                table: "models",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "TestAccuracyMean",
                table: "models",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "TestAccuracyStd",
                table: "models",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "ValidationAccuracyStd",
                table: "models",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CompletedRepeats",
                table: "jobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "EpochMetricsJson",
                table: "jobs",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "Patience",
                table: "jobs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Repeats",
                table: "jobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<double>(
                name: "TimeBudgetSeconds",
                table: "jobs",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "WarmStart",
                table: "jobs",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_runs_JobId_Seed",
                table: "runs",
                columns: new[] { "JobId", "Seed" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_runs_JobId_Seed",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "ResumedFromEpoch",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "StopReason",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "WarmStartedLayers",
                table: "runs");

            migrationBuilder.DropColumn(
                name: "RunCount",
                table: "models");

            migrationBuilder.DropColumn(
                name: "TestAccuracyMean",
                table: "models");

            migrationBuilder.DropColumn(
                name: "TestAccuracyStd",
                table: "models");

            migrationBuilder.DropColumn(
                name: "ValidationAccuracyStd",
                table: "models");

            migrationBuilder.DropColumn(
                name: "CompletedRepeats",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "EpochMetricsJson",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "Patience",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "Repeats",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "TimeBudgetSeconds",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "WarmStart",
                table: "jobs");

            migrationBuilder.CreateIndex(
                name: "IX_runs_JobId",
                table: "runs",
                column: "JobId",
                unique: true);
        }
    }
}
