package org.gridmend.security;

import static org.gridmend.core.StaffGroups.CREWS;
import static org.gridmend.core.StaffGroups.DISPATCHERS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.gridmend.core.StaffGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Camunda Tasklist's filters for each group, made at start-up when missing, so that nobody starts from "All tasks":
 * a crew sees its own orders first, dispatchers what waits for them (to dispatch, late arrivals, to review, reports
 * to locate). Each filter is shared with its group only.
 */
@Component
class TasklistFilters implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    /** A filter: its name in Tasklist, whom it is for, what it shows, where it stands in the list. */
    record Definition(String name, String group, String description, String taskDefinitionKey, int priority) {}

    static final List<Definition> FILTERS = List.of(
            new Definition("我的抢修单 My orders", CREWS, "派给我的抢修单 · orders assigned to me", null, -20),
            new Definition(
                    "待派工 To dispatch",
                    DISPATCHERS,
                    "没有合适班组的抢修单 · orders no crew took",
                    "Task_DispatchCrewManually",
                    -19),
            new Definition(
                    "超时 Late", DISPATCHERS, "超过到达承诺的抢修单 · arrival commitment passed", "Task_HandleLateArrival", -18),
            new Definition(
                    "待审核 To review", DISPATCHERS, "待回单审核 · repair orders to review", "Task_ReviewRepairOrder", -17),
            new Definition(
                    "待定位 To locate", DISPATCHERS, "位置不明的报修 · reports to locate", "Task_LocateReportManually", -16),
            new Definition(
                    "考试未过 Exams failed",
                    StaffGroups.LEADS,
                    "三次考试未通过的班组 · crews who failed an exam three times",
                    "Task_DecideAfterFailedExams",
                    -15),
            new Definition("我的电工服务 My jobs", StaffGroups.ELECTRICIANS, "派给我的服务单 · jobs offered to me", null, -14),
            new Definition(
                    "电工申请 Electrician applications",
                    DISPATCHERS,
                    "待审核的社会电工申请 · electricians to review",
                    "Task_ReviewElectricianApplication",
                    -13),
            new Definition(
                    "找电工 Find an electrician",
                    DISPATCHERS,
                    "没有电工接单的服务单 · jobs no electrician took",
                    "Task_FindElectrician",
                    -12),
            new Definition(
                    "服务争议 Service disputes",
                    DISPATCHERS,
                    "客户对电工服务的争议 · customers' disputes about a job",
                    "Task_ResolveDispute",
                    -11),
            new Definition(
                    "托管申请 Custody applications",
                    StaffGroups.CUSTODY,
                    "待审核的托管申请 · custody applications to review",
                    "Task_ReviewCustodyApplication",
                    -10),
            new Definition(
                    "巡检超期 Overdue inspections",
                    StaffGroups.CUSTODY,
                    "超期未完成的托管巡检 · custody inspections past their time",
                    "Task_ChaseOverdueInspection",
                    -9),
            new Definition(
                    "租赁上架审核 Rental listings",
                    StaffGroups.RENTAL,
                    "客户出租设备的上架审核 · customers' equipment to review",
                    "Task_ReviewRentalListing",
                    -8),
            new Definition(
                    "租赁确认 Rental bookings",
                    StaffGroups.RENTAL,
                    "待确认的国网设备租赁 · bookings of the utility's items to confirm",
                    "Task_ConfirmRentalBooking",
                    -7),
            new Definition(
                    "租赁争议 Rental disputes",
                    StaffGroups.RENTAL,
                    "押金结算争议 · disputed deposit settlements",
                    "Task_ResolveRentalDispute",
                    -6));

    private final FilterService filters;
    private final TaskService tasks;
    private final StaffIdentitySetup identities;

    TasklistFilters(FilterService filters, TaskService tasks, StaffIdentitySetup identities) {
        this.filters = filters;
        this.tasks = tasks;
        this.identities = identities;
    }

    @Override
    public void afterPropertiesSet() {
        for (Definition definition : FILTERS) {
            Filter filter =
                    filters.createFilterQuery().filterName(definition.name()).singleResult();
            if (filter == null) {
                TaskQuery query = tasks.createTaskQuery();
                if (definition.taskDefinitionKey() == null) {
                    query.taskAssigneeExpression("${currentUser()}");
                } else {
                    query.taskDefinitionKey(definition.taskDefinitionKey());
                }
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("description", definition.description());
                properties.put("priority", definition.priority());
                properties.put("refresh", true);
                filter = filters.newTaskFilter(definition.name())
                        .setOwner(null)
                        .setQuery(query)
                        .setProperties(properties);
                filters.saveFilter(filter);
                log.info("tasklist filter created name={} group={}", definition.name(), definition.group());
            }
            identities.grant(definition.group(), Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }
}
